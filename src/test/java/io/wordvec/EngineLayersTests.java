package io.wordvec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The import rules that the engine packages' {@code package-info.java} state. */
class EngineLayersTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.wordvec");

  @Test
  void vocabularyImportsNoOtherPackageOfTheProject() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.vocab..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.wordvec.train..",
            "io.wordvec.vectors..",
            "io.wordvec.io..",
            "io.wordvec.eval..",
            "io.wordvec.phrases..",
            "io.wordvec.cli..")
        .check(classes);
  }

  @Test
  void phrasesNeedOnlyWords() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.phrases..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.wordvec.train..",
            "io.wordvec.vectors..",
            "io.wordvec.io..",
            "io.wordvec.eval..",
            "io.wordvec.index..",
            "io.wordvec.cli..")
        .check(classes);
  }

  @Test
  void trainingKnowsNothingOfFilesEvaluationOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.train..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.wordvec.io..", "io.wordvec.eval..", "io.wordvec.cli..")
        .check(classes);
  }

  @Test
  void evaluationNeedsOnlyVectorsAndWords() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.eval..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.wordvec.train..", "io.wordvec.io..", "io.wordvec.cli..")
        .check(classes);
  }

  @Test
  void modelFilesKnowNothingOfEvaluationOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.io..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.wordvec.eval..", "io.wordvec.cli..")
        .check(classes);
  }

  @Test
  void alignmentReadsModelsOnlyThroughTheVectorsFacade() {
    noClasses()
        .that()
        .resideInAPackage("io.wordvec.align..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.wordvec.train..",
            "io.wordvec.io..",
            "io.wordvec.eval..",
            "io.wordvec.index..",
            "io.wordvec.cli..")
        .check(classes);
  }
}
