package dev.musicmeta.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.SpotifyIds;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void writes128BitNumbersInBase62LikeSpotify() {
        Rng rng = new Rng(99);
        for (int i = 0; i < 1_000; i++) {
            long hi = rng.nextLong();
            long lo = rng.nextLong();
            assertThat(Ids.base62(hi, lo)).isEqualTo(reference(hi, lo));
        }
        assertThat(Ids.base62(0, 0)).isEqualTo("0".repeat(22));
        assertThat(Ids.base62(-1, -1)).isEqualTo(reference(-1, -1)).startsWith("7");
    }

    @Test
    void givesEveryIndexItsOwnValidIdAndEverySeedOtherIds() {
        Ids ids = new Ids(1);
        Set<String> seen = new HashSet<>();
        for (long index = 0; index < 200_000; index++) {
            String id = ids.id(Ids.TRACK, index);
            assertThat(SpotifyIds.isValid(id, IdKind.TRACK)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(200_000);
        assertThat(new Ids(1).id(Ids.TRACK, 5)).isEqualTo(ids.id(Ids.TRACK, 5));
        assertThat(new Ids(2).id(Ids.TRACK, 5)).isNotEqualTo(ids.id(Ids.TRACK, 5));
        assertThat(ids.id(Ids.ALBUM, 5)).isNotEqualTo(ids.id(Ids.TRACK, 5));
    }

    @Test
    void writesFortyHexDigitsAfterAPrefix() {
        Ids ids = new Ids(1);
        assertThat(ids.hex40(Ids.PREVIEW, 7, 0)).matches("[0-9a-f]{40}");
        assertThat(ids.hex40("ab67616d0000b273", Ids.IMAGE, 7, 0)).matches("ab67616d0000b273[0-9a-f]{24}");
        assertThat(ids.hex40(Ids.PREVIEW, 7, 1)).isNotEqualTo(ids.hex40(Ids.PREVIEW, 7, 0));
    }

    private static String reference(long hi, long lo) {
        BigInteger value = new BigInteger(1, toBytes(hi, lo));
        StringBuilder out = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        for (int i = 0; i < 22; i++) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out.append(DIGITS.charAt(qr[1].intValue()));
            value = qr[0];
        }
        return out.reverse().toString();
    }

    private static byte[] toBytes(long hi, long lo) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (hi >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return bytes;
    }
}
