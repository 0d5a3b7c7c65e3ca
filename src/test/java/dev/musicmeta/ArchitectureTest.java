package dev.musicmeta;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layering of the README, {@code cli -> http -> catalog <- catalog.sqlite, search}, held by
 * the production classes (tests span the layers on purpose): each arrow points one way, nothing
 * imports sideways ({@code search} and {@code catalog.sqlite} know only {@code catalog}), and
 * {@code sample} is used by {@code cli} alone.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.musicmeta");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.musicmeta.cli..")
                .layer("http").definedBy("dev.musicmeta.http..")
                .layer("catalog").definedBy("dev.musicmeta.catalog")
                .layer("catalog.sqlite").definedBy("dev.musicmeta.catalog.sqlite..")
                .layer("search").definedBy("dev.musicmeta.search..")
                .layer("sample").definedBy("dev.musicmeta.sample..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("http").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("http").mayOnlyAccessLayers("catalog")
                .whereLayer("catalog").mayNotAccessAnyLayer()
                .whereLayer("catalog.sqlite").mayOnlyBeAccessedByLayers("cli", "sample")
                .whereLayer("catalog.sqlite").mayOnlyAccessLayers("catalog")
                .whereLayer("search").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("search").mayOnlyAccessLayers("catalog")
                .whereLayer("sample").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("sample").mayOnlyAccessLayers("catalog", "catalog.sqlite")
                .check(PRODUCTION);
    }

    /**
     * A reader meets a class by its simple name (a nested one too, once imported), so no two
     * packages use one name for different things; only a private nested helper, never seen
     * outside its file, may share a name.
     */
    @Test
    void everyClassAndRecordHasANameOfItsOwn() {
        Map<String, Set<String>> packagesByName = new TreeMap<>();
        for (JavaClass c : PRODUCTION) {
            boolean fileLocal = c.isNestedClass() && c.getModifiers().contains(JavaModifier.PRIVATE);
            if (!c.isAnonymousClass() && !c.getSimpleName().isEmpty() && !fileLocal
                    && !c.getSimpleName().equals("package-info")) {
                packagesByName.computeIfAbsent(c.getSimpleName(), n -> new TreeSet<>()).add(c.getPackageName());
            }
        }
        packagesByName.values().removeIf(packages -> packages.size() < 2);
        assertThat(packagesByName).as("simple names used by more than one class").isEmpty();
    }
}
