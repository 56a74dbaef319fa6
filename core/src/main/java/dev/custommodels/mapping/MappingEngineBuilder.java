package dev.custommodels.mapping;

import dev.custommodels.implementation.mapping.Settings;
import dev.custommodels.implementation.mapping.Vocabulary;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a {@link MappingEngine}. Every setting is optional: {@code new MappingEngineBuilder().buildEngine()} gives
 * the engine with the built-in vocabulary and thresholds.
 *
 * <p>The vocabulary (synonyms, abbreviations, noise words, derivations) starts from the built-in resource
 * {@code dev/custommodels/mapping/synonyms.txt}; what is added here extends it, in the line format described in
 * the {@code dev.custommodels.mapping} package documentation.
 */
public final class MappingEngineBuilder {
    /** Default score from which a field gets a target that a person should review. */
    public static final double DEFAULT_REVIEW_THRESHOLD = 0.6;
    /** Default score from which a clear target is MAPPED. */
    public static final double DEFAULT_MAPPED_THRESHOLD = 0.8;
    private static final int MAX_CANDIDATES = 8;

    private boolean defaults = true;
    private final List<Consumer<Vocabulary.Builder>> additions = new ArrayList<>();
    private final List<MappingRule> rules = new ArrayList<>();
    private double review = DEFAULT_REVIEW_THRESHOLD;
    private double mapped = DEFAULT_MAPPED_THRESHOLD;

    /** Creates a builder with the defaults. */
    public MappingEngineBuilder() {
    }

    /**
     * Chooses whether the built-in vocabulary is loaded (it is by default).
     *
     * @param use {@code false} to start from an empty vocabulary
     * @return this builder
     */
    public MappingEngineBuilder useDefaultVocabulary(boolean use) {
        this.defaults = use;
        return this;
    }

    /**
     * Adds vocabulary entries in the line format (the same format as the built-in resource).
     *
     * @param reader the entries; read now and closed
     * @param sourceName a name for error messages, such as the file name
     * @return this builder
     * @throws IllegalArgumentException naming the line when a line is not in the format
     * @throws UncheckedIOException when the reader fails
     */
    public MappingEngineBuilder addVocabulary(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        StringBuilder text = new StringBuilder();
        try (Reader r = reader) {
            char[] buf = new char[4096];
            for (int n; (n = r.read(buf)) >= 0; ) {
                text.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mapping vocabulary " + sourceName, e);
        }
        String content = text.toString();
        return add(v -> v.parse(new StringReader(content), sourceName));
    }

    /**
     * Adds one vocabulary entry, such as {@code "syn client | customer"} or {@code "abbr cust = customer"}.
     *
     * @param line the entry
     * @return this builder
     * @throws IllegalArgumentException when the line is not in the format
     */
    public MappingEngineBuilder addVocabularyLine(String line) {
        Objects.requireNonNull(line, "line");
        return add(v -> v.line(line));
    }

    /**
     * Adds terms that mean the same thing, such as {@code "postal code", "zip"}.
     *
     * @param terms two or more terms, each one or more words
     * @return this builder
     * @throws IllegalArgumentException when fewer than two terms have letters or digits
     */
    public MappingEngineBuilder addSynonyms(String... terms) {
        List<String> copy = List.of(terms);
        return add(v -> v.synonyms(copy));
    }

    /**
     * Adds an abbreviation, expanded wherever it appears as a whole word of a name.
     *
     * @param shortForm the short form, one word, such as {@code cust}
     * @param expansion what it stands for, such as {@code customer}
     * @return this builder
     * @throws IllegalArgumentException when the short form is not one word or the expansion is empty
     */
    public MappingEngineBuilder addAbbreviation(String shortForm, String expansion) {
        Objects.requireNonNull(shortForm, "shortForm");
        Objects.requireNonNull(expansion, "expansion");
        return add(v -> v.abbreviation(shortForm, expansion));
    }

    /**
     * Adds a host rule; host rules run after the built-in rules, in the order added.
     *
     * @param rule the rule
     * @return this builder
     */
    public MappingEngineBuilder addRule(MappingRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
        return this;
    }

    /**
     * Sets the thresholds. A field whose best attribute scores below {@code review} stays UNMAPPED; from
     * {@code review} it gets the attribute as NEEDS_REVIEW; from {@code mapped}, and with no close rival, it is
     * MAPPED.
     *
     * @param review the review threshold, in (0, 1]
     * @param mapped the mapped threshold, in [review, 1]
     * @return this builder
     * @throws IllegalArgumentException if the thresholds are out of range or out of order
     */
    public MappingEngineBuilder thresholds(double review, double mapped) {
        if (!(review > 0 && review <= mapped && mapped <= 1)) {
            throw new IllegalArgumentException("Thresholds need 0 < review <= mapped <= 1, got review " + review
                    + " and mapped " + mapped + ".");
        }
        this.review = review;
        this.mapped = mapped;
        return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws IllegalStateException if the built-in vocabulary is missing from the class path
     */
    public MappingEngine buildEngine() {
        Vocabulary.Builder v = Vocabulary.builder();
        if (defaults) {
            Vocabulary.withDefaults(v);
        }
        additions.forEach(a -> a.accept(v));
        return new MappingEngine(new Settings(v.build(), rules, review, mapped, MAX_CANDIDATES));
    }

    /** Checks an addition now, so a bad entry fails where it is added, then keeps it for the build. */
    private MappingEngineBuilder add(Consumer<Vocabulary.Builder> addition) {
        addition.accept(Vocabulary.builder());
        additions.add(addition);
        return this;
    }
}
