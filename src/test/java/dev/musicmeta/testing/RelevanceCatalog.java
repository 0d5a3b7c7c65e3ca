package dev.musicmeta.testing;

import java.nio.file.Path;

/**
 * The hand-built catalog of the relevance tests: famous names, look-alikes that must rank below
 * them, and names in every script the service promises to find.
 */
public final class RelevanceCatalog {

    public static final int FILLERS = 30;

    private RelevanceCatalog() {}

    public static HandBuiltCatalog write(Path dir) throws Exception {
        HandBuiltCatalog c = HandBuiltCatalog.create(dir);
        long queen = c.artist("Queen", 30_000_000, "classic rock", "glam rock");
        long queenTribute = c.artist("Queen", 500, "tribute");
        long queensryche = c.artist("Queensrÿche", 1_000_000, "progressive metal");
        long beatles = c.artist("The Beatles", 30_000_000, "british invasion", "rock");
        long carpenters = c.artist("Carpenters", 3_000_000, "soft rock");
        long beyonce = c.artist("Beyoncé", 35_000_000, "pop", "r&b");
        long beyonceTribute = c.artist("Beyonce Tribute Band", 100, "tribute");
        long motley = c.artist("Mötley Crüe", 5_000_000, "glam metal");
        long daftPunk = c.artist("Daft Punk", 9_000_000, "electro", "french house");
        c.artist("Punk Daft Experience", 10, "garage");
        long nirvana = c.artist("Nirvana", 20_000_000, "grunge");
        long nirvanaUk = c.artist("Nirvana", 20_000, "psychedelic rock");
        c.artist("Blur", 4_000_000, "britpop");
        c.artist("The Album Leaf", 200_000, "post-rock");
        long killers = c.artist("The Killers", 10_000_000, "modern rock");
        long gigi = c.artist("Gigi D'Agostino", 1_500_000, "italo dance");
        long tokyoJihen = c.artist("東京事変", 1_000_000, "j-rock");
        long bts = c.artist("방탄소년단", 70_000_000, "k-pop");
        long kino = c.artist("Кино", 2_000_000, "russian rock");
        long vasilis = c.artist("Βασίλης Παπακωνσταντίνου", 300_000, "greek rock");
        long fairuz = c.artist("فيروز", 3_000_000, "arabic pop");
        c.artist("أم كلثوم", 2_000_000, "tarab");
        long filler = c.artist("Filler Band", 1_000, "muzak");

        long opera = c.album("A Night at the Opera", "1975-11-21", "0602547288233", 80, queen);
        long jazz = c.album("Jazz", "1978-11-10", "0602547288240", 70, queen);
        long tribute = c.album("Queen Tribute", "1999-05-05", "1111111111111", 5, queenTribute);
        long help = c.album("Help!", "1965-08-06", "0077774643927", 75, beatles);
        long nowAndThen = c.album("Now & Then", "1973-05-01", "075021", 60, carpenters);
        long lemonade = c.album("Lemonade", "2016-04-23", "886445", 85, beyonce);
        long feelgood = c.album("Dr. Feelgood", "1989-09-01", "075596", 70, motley);
        long discovery = c.album("Discovery", "2001-03-12", "724384960650", 80, daftPunk);
        long nevermind = c.album("Nevermind", "1991-09-24", "0720642442524", 85, nirvana);
        long simopath = c.album("The Story of Simon Simopath", "1968", null, 20, nirvanaUk);
        long hotFuss = c.album("Hot Fuss", "2004-06-07", "602498620003", 80, killers);
        long amour = c.album("L'amour toujours", "2001", "8033", 60, gigi);
        long kyouiku = c.album("教育", "2004-11-25", "4988006", 50, tokyoJihen);
        long map = c.album("MAP OF THE SOUL : 7", "2020-02-21", "8804775", 80, bts);
        long blood = c.album("Группа крови", "1988-01-01", "460000", 60, kino);
        long elpida = c.album("Ελπίδα", "1983", "520000", 40, vasilis);
        long kifak = c.album("كيفك إنت", "1987-01-01", "621000", 55, fairuz);
        long fillerHits = c.album("Filler Hits", "1999-01-01", "000000000123", 1, filler);

        c.track("Bohemian Rhapsody", opera, "GBUM71029604", 85, queen);
        c.track("Love of My Life", opera, "GBUM71029605", 70, queen);
        c.track("Don't Stop Me Now", jazz, "GBUM71029610", 83, queen);
        c.track("Bohemian Rhapsody", tribute, "QZAAA9900001", 5, queenTribute);
        c.track("Yesterday", tribute, "QZAAA9900002", 1, queenTribute);
        c.track("Yesterday", help, "GBAYE0601477", 80, beatles);
        c.track("Help!", help, "GBAYE0601478", 70, beatles);
        c.track("Yesterday Once More", nowAndThen, "USAM17300001", 90, carpenters);
        c.track("Formation", lemonade, "USSM11600001", 75, beyonce);
        c.track("Hold Up", lemonade, "USSM11600002", 70, beyonce);
        c.track("Kickstart My Heart", feelgood, "USEE18900001", 72, motley);
        c.track("One More Time", discovery, "GBDUW0000059", 82, daftPunk);
        c.track("Smells Like Teen Spirit", nevermind, "USGF19942501", 88, nirvana);
        c.track("Come as You Are", nevermind, "USGF19942502", 80, nirvana);
        c.track("Rainbow Chaser", simopath, "GBAAA6800001", 20, nirvanaUk);
        c.track("Mr. Brightside", hotFuss, "USIR20400274", 86, killers);
        c.track("L'amour toujours", amour, "ITA000100001", 65, gigi);
        c.track("群青日和", kyouiku, "JPTO00400001", 50, tokyoJihen);
        c.track("Black Swan", map, "KRA402000001", 75, bts);
        c.track("Группа крови", blood, "SUA008800001", 60, kino);
        c.track("Ελπίδα", elpida, "GRA008300001", 40, vasilis);
        c.track("كيفك إنت", kifak, "LBA008700001", 55, fairuz);
        for (int i = 1; i <= FILLERS; i++) {
            c.track(String.format("Filler Song %02d", i), fillerHits, null, i % 3, filler);
        }
        c.close();
        return c;
    }
}
