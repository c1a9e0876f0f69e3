package io.wordvec.alignments;

import io.wordvec.align.Alignment;
import io.wordvec.align.Criterion;
import io.wordvec.align.Dictionary;
import io.wordvec.align.ModelFingerprint;
import io.wordvec.align.Procrustes;
import io.wordvec.align.Translation;
import io.wordvec.align.Translator;
import io.wordvec.align.WordPair;
import io.wordvec.io.LoadedModel;
import io.wordvec.models.ModelRegistry;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.PayloadTooLargeException;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Learns, saves, lists and deletes alignments between served models, and translates words through
 * them. An alignment is learnt on the vectors a model has when it is created; a model replaced
 * since (a new training, a fine-tune) makes it {@code stale}, detected by the models' fingerprints,
 * and translations through it are refused until it is created again.
 */
@Service
public class AlignmentService {

  private static final Logger LOG = LoggerFactory.getLogger(AlignmentService.class);

  private final ModelRegistry registry;
  private final AlignmentStore store;
  private final AlignmentsProperties properties;

  /** Fingerprints of the vectors seen, so that each served model is read for one only once. */
  private final Map<WordVectors, String> fingerprints =
      Collections.synchronizedMap(new WeakHashMap<>());

  AlignmentService(ModelRegistry registry, AlignmentStore store, AlignmentsProperties properties) {
    this.registry = registry;
    this.store = store;
    this.properties = properties;
  }

  /**
   * Learns the alignment a request asks for and saves it, replacing the pair's previous one.
   *
   * @throws io.wordvec.system.ApiException 400 on a bad request, different dimensions or too few
   *     usable pairs; 404 for an unknown model; 409 when the most alignments are saved; 413 for a
   *     dictionary over the limit
   */
  AlignmentView create(CreateAlignmentRequest request) throws IOException {
    String sourceName = name("source", request.source());
    String targetName = name("target", request.target());
    List<WordPair> pairs = pairs(request);
    int identical = identicalWords(request);
    ModelRegistry.Selection source = registry.select(sourceName);
    ModelRegistry.Selection target = registry.select(targetName);
    WordVectors sv = source.model().vectors();
    WordVectors tv = target.model().vectors();
    if (sv.dimension() != tv.dimension()) {
      throw AlignmentProblem.dimensionMismatch(
          source.name(), sv.dimension(), target.name(), tv.dimension());
    }
    Dictionary dictionary =
        pairs != null
            ? Dictionary.fromPairs(sv, tv, pairs)
            : Dictionary.identicalWords(sv, tv, 0, identical);
    String id = AlignmentStore.newId();
    AlignmentRecord attempt =
        record(
            id,
            source.name(),
            target.name(),
            sv,
            tv,
            pairs != null ? "given" : "identical",
            pairs != null ? pairs.size() : identical,
            dictionary,
            0,
            null);
    int minimum = sv.dimension();
    if (dictionary.size() < minimum) {
      throw AlignmentProblem.tooFewPairs(dictionary.size(), minimum, attempt);
    }
    long start = System.nanoTime();
    Procrustes.Fit fit = Procrustes.fit(sv, tv, dictionary);
    AlignmentRecord saved =
        record(
            id,
            source.name(),
            target.name(),
            sv,
            tv,
            attempt.dictionary(),
            attempt.requestedPairs(),
            dictionary,
            fit.meanCosine(),
            AlignmentStore.encode(fit.alignment().matrix()));
    Optional<String> replaced = store.save(saved, fit.alignment(), properties.maxAlignments());
    LOG.info(
        "Aligned model '{}' to '{}' from {} pairs in {} ms (alignment {}, mean cosine {})",
        source.name(),
        target.name(),
        dictionary.size(),
        (System.nanoTime() - start) / 1_000_000,
        id,
        String.format(java.util.Locale.ROOT, "%.3f", fit.meanCosine()));
    return AlignmentView.of(saved, status(saved), replaced.orElse(null));
  }

  private AlignmentRecord record(
      String id,
      String source,
      String target,
      WordVectors sv,
      WordVectors tv,
      String kind,
      int requested,
      Dictionary dictionary,
      double meanCosine,
      String matrix) {
    return new AlignmentRecord(
        id,
        source,
        target,
        sv.dimension(),
        kind,
        requested,
        dictionary.size(),
        dictionary.missingInSource(),
        dictionary.missingInTarget(),
        dictionary.missingSourceWords(),
        dictionary.missingTargetWords(),
        meanCosine,
        sv.size(),
        tv.size(),
        fingerprint(sv),
        fingerprint(tv),
        Instant.now(),
        matrix);
  }

  private static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(field, value, "a model name (or 'default')");
    }
    return value;
  }

  /** The request's dictionary, checked, or null for identical words. */
  private List<WordPair> pairs(CreateAlignmentRequest request) {
    List<List<String>> given = request.dictionary();
    if (given == null) {
      return null;
    }
    if (request.identicalWords() != null) {
      throw new InvalidParameterException(
          "identicalWords",
          request.identicalWords(),
          "absent when a dictionary is given (it sizes the default dictionary)");
    }
    if (given.isEmpty()) {
      throw new InvalidParameterException(
          "dictionary", "[]", "a non-empty list of [source word, target word] pairs, or absent");
    }
    if (given.size() > properties.maxDictionaryPairs()) {
      throw new PayloadTooLargeException(
          "dictionary", given.size(), properties.maxDictionaryPairs(), "pairs");
    }
    List<WordPair> pairs = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      List<String> pair = given.get(i);
      if (pair == null
          || pair.size() != 2
          || pair.get(0) == null
          || pair.get(0).isBlank()
          || pair.get(1) == null
          || pair.get(1).isBlank()) {
        throw new InvalidParameterException(
            "dictionary[" + i + "]", pair, "a pair of two non-empty words [source, target]");
      }
      pairs.add(new WordPair(pair.get(0), pair.get(1)));
    }
    return pairs;
  }

  private int identicalWords(CreateAlignmentRequest request) {
    Integer n = request.identicalWords();
    int value = n == null ? properties.identicalWords() : n;
    int limit = properties.maxDictionaryPairs();
    if (value < 1 || value > limit) {
      throw new InvalidParameterException(
              "identicalWords", n, "between 1 and " + limit + " (the configured limit)")
          .with("limit", limit);
    }
    return value;
  }

  /** Every saved alignment, oldest first, with whether it can translate now. */
  List<AlignmentView> list() {
    return store.list().stream()
        .map(e -> AlignmentView.of(e.record(), status(e.record()), null))
        .toList();
  }

  /**
   * One saved alignment.
   *
   * @throws AlignmentProblem 404 if there is none with this id
   */
  AlignmentView get(String id) {
    AlignmentRecord record =
        store.find(id).orElseThrow(() -> AlignmentProblem.notFound(id)).record();
    return AlignmentView.of(record, status(record), null);
  }

  /**
   * Deletes a saved alignment.
   *
   * @throws AlignmentProblem 404 if there is none with this id
   */
  void delete(String id) throws IOException {
    if (!store.delete(id)) {
      throw AlignmentProblem.notFound(id);
    }
    LOG.info("Deleted alignment {}", id);
  }

  /**
   * Translates a word of the selected source model into model {@code target} through their saved
   * alignment.
   *
   * @param target the target model's name, or {@code default}
   * @param ngrams whether a word outside a subword source model's vocabulary is translated by its
   *     n-gram vector (else it is unknown)
   * @throws io.wordvec.models.ModelNotFoundException if the target model is not served
   * @throws AlignmentProblem 404 if no alignment is saved for the pair, 409 if it is stale
   * @throws io.wordvec.vectors.UnknownWordsException if the source model lacks the word
   */
  public Translated translate(
      ModelRegistry.Selection source,
      String target,
      String word,
      boolean ngrams,
      int topn,
      Criterion criterion) {
    ModelRegistry.Selection to = registry.select(target);
    AlignmentStore.Entry entry =
        store
            .findPair(source.name(), to.name())
            .orElseThrow(() -> AlignmentProblem.noAlignment(source.name(), to.name()));
    WordVectors sv = source.model().vectors();
    WordVectors tv = to.model().vectors();
    List<String> changed = changed(entry.record(), sv, tv);
    if (!changed.isEmpty()) {
      throw AlignmentProblem.stale(entry.record().id(), changed);
    }
    Translator translator =
        new Translator(
            sv,
            tv,
            entry.alignment(),
            entry.hubness(tv.size(), properties.cslsK()),
            properties.cslsCandidates(),
            SearchOptions.DEFAULT);
    SubwordQueries words = new SubwordQueries(sv, ngrams, source.model()::phraseFor);
    SubwordQueries.Term term = words.resolve(word);
    List<Translation> translations =
        term.oov()
            ? translator.translateVector(words.vector(term, true), topn, criterion)
            : translator.translate(term.id(), topn, criterion);
    return new Translated(entry.record().id(), source.name(), to.name(), translations, term.oov());
  }

  /** The models, of the record's two, whose vectors are not those it was learnt on. */
  private List<String> changed(AlignmentRecord record, WordVectors sv, WordVectors tv) {
    List<String> changed = new ArrayList<>(2);
    if (!fingerprint(sv).equals(record.sourceFingerprint())) {
      changed.add(record.source());
    }
    if (!fingerprint(tv).equals(record.targetFingerprint())
        && !record.target().equals(record.source())) {
      changed.add(record.target());
    }
    return changed;
  }

  private String status(AlignmentRecord record) {
    Optional<LoadedModel> source = registry.find(record.source());
    Optional<LoadedModel> target = registry.find(record.target());
    if (source.isEmpty() || target.isEmpty()) {
      return "model-missing";
    }
    return changed(record, source.get().vectors(), target.get().vectors()).isEmpty()
        ? "ready"
        : "stale";
  }

  private String fingerprint(WordVectors vectors) {
    return fingerprints.computeIfAbsent(vectors, ModelFingerprint::of);
  }

  /** The alignment's matrix, for tests. */
  Optional<Alignment> alignment(String id) {
    return store.find(id).map(AlignmentStore.Entry::alignment);
  }
}
