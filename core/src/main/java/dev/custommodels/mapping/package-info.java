/**
 * The mapping engine: explainable name-and-type mapping of model input fields to entity attributes.
 *
 * <p>{@link dev.custommodels.mapping.MappingEngine} proposes, for a model input, the entity that feeds it and the
 * attribute that feeds each field ({@link dev.custommodels.mapping.MappingProposal}); each
 * {@link dev.custommodels.mapping.FieldMapping} is MAPPED, NEEDS_REVIEW or UNMAPPED with its confidence, the evidence
 * of each rule, the runner-up and the near misses. {@link dev.custommodels.mapping.TypeLattice} says which attribute
 * types feed which field types and converts values. {@code MappingEngine.validate} reports what keeps a workflow's
 * bindings from being saved. Hosts extend the vocabulary and add {@link dev.custommodels.mapping.MappingRule}s through
 * {@link dev.custommodels.mapping.MappingEngineBuilder}.
 *
 * <h2>How a pair is scored</h2>
 * Names are split into words (camelCase with acronym runs, snake, kebab, dots and spaces; digits are words of
 * their own; accents folded), glued lower-case words made of known words are split, abbreviations are expanded,
 * plurals stemmed, synonym phrases replaced by their concept and noise words dropped. Each word weighs by how rare
 * it is in the catalog. The rules then run in order: {@code name} (token-set similarity of the two names, with
 * synonyms, typos and the entity's own name), {@code display-name}, {@code head-word} (the last word of a
 * compound is its head: {@code customerTypeCode} is a type), {@code numbering} ({@code BILL_AMT1} is not
 * {@code BILL_AMT2}), {@code identifier}, {@code type} (the lattice), {@code derivation} (age from a birth date is
 * not a mapping), then host rules. A global one-to-one assignment (the Hungarian algorithm, with an "unmapped"
 * option per field) chooses; the entity that explains the input best, and its neighbouring fields, break near
 * ties.
 *
 * <h2>Vocabulary format</h2>
 * The built-in vocabulary is the resource {@code dev/custommodels/mapping/synonyms.txt}; hosts add entries in the
 * same format with {@code MappingEngineBuilder.addVocabulary} or {@code addVocabularyLine}. One entry per line,
 * {@code <kind> <body>}; {@code #} starts a comment; blank lines are ignored. Write words in lower case and in the
 * singular; they are compared after the same splitting, folding and stemming as names.
 * <pre>
 * syn &lt;term&gt; | &lt;term&gt; | ...       terms (one or more words each) that mean the same thing
 * related &lt;term&gt; | &lt;term&gt; | ...   terms that are close but not the same (they match at a lower score)
 * abbr &lt;short&gt; = &lt;words&gt;          a short form, expanded wherever it is a whole word of a name
 * abbr-first &lt;short&gt; = &lt;words&gt;    expanded only as the first word of a name ("num" = "number of")
 * abbr-last &lt;short&gt; = &lt;words&gt;     expanded only as the last word of a name ("no" = "number")
 * noise &lt;word&gt; ...                 words that carry no meaning in a name
 * weak &lt;word&gt; ...                  words that count little (suffixes such as "code", language names)
 * derive &lt;field term&gt; | ... &lt;- &lt;attribute term&gt; | ...
 *                                   a field computed from an attribute: never a mapping, reported as a near miss
 * </pre>
 * For example {@code syn postal code | zip | postcode}, {@code abbr qty = quantity},
 * {@code derive age <- birth date}. Groups that share a term merge into one concept.
 */
package dev.custommodels.mapping;
