package io.wordvec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

  private static final String[] ENGINE = {
    "io.wordvec.vocab..",
    "io.wordvec.train..",
    "io.wordvec.vectors..",
    "io.wordvec.index..",
    "io.wordvec.io..",
    "io.wordvec.eval..",
    "io.wordvec.align..",
    "io.wordvec.phrases..",
    "io.wordvec.cli.."
  };

  /** The service's feature packages: each may use system and the engine, never the reverse. */
  private static final String[] FEATURES = {
    "io.wordvec.models..",
    "io.wordvec.query..",
    "io.wordvec.openai..",
    "io.wordvec.corpora..",
    "io.wordvec.jobs..",
    "io.wordvec.alignments.."
  };

  private static final String[] SERVICE = {
    "io.wordvec.models..",
    "io.wordvec.query..",
    "io.wordvec.openai..",
    "io.wordvec.corpora..",
    "io.wordvec.jobs..",
    "io.wordvec.alignments..",
    "io.wordvec.system.."
  };

  /** The Spring Boot entry point sits at the root, beside the engine and service packages. */
  private static final String APPLICATION = "io.wordvec.WordvecApplication";

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.wordvec");

  @Test
  void engineDoesNotDependOnSpring() {
    noClasses()
        .that()
        .resideInAnyPackage(ENGINE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void engineDoesNotDependOnTheService() {
    noClasses()
        .that()
        .resideInAnyPackage(ENGINE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICE)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(APPLICATION)
        .check(classes);
  }

  @Test
  void springIsUsedOnlyInTheService() {
    noClasses()
        .that()
        .resideOutsideOfPackages(SERVICE)
        .and()
        .doNotHaveFullyQualifiedName(APPLICATION)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void onlyPanamaVectorOpsImportsTheVectorApi() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("io.wordvec.vectors.internal.PanamaVectorOps")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jdk.incubator.vector..")
        .check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.wordvec.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void systemIsTheGroundFloorAndImportsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.system..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(classes);
  }

  @Test
  void theOpenAiApiStandsBesideTheQueryApiNotOnIt() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.openai..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.wordvec.query..", "io.wordvec.corpora..", "io.wordvec.jobs..")
        .check(classes);
  }

  @Test
  void alignmentsKnowNothingOfTheQueryApiOrOtherFeatures() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.alignments..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.wordvec.query..",
            "io.wordvec.openai..",
            "io.wordvec.corpora..",
            "io.wordvec.jobs..")
        .check(classes);
  }

  @Test
  void vectorKernelsAreReachedOnlyThroughTheVectorsFacade() {
    classes()
        .that()
        .resideInAPackage("io.wordvec.vectors.internal..")
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage("io.wordvec.vectors..")
        .check(classes);
  }

  @Test
  void vectorKernelsDoNotDependOnTheFacade() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.vectors.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.wordvec.vectors")
        .check(classes);
  }

  @Test
  void theVectorsEngineDoesNotDependOnAnIndexOverIt() {
    // An approximate index implements NeighborSearch over WordVectors: the dependency goes one way.
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.vectors..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.wordvec.index..")
        .check(classes);
  }
}
