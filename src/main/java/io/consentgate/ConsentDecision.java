package io.consentgate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable outcome of ConsentGate's decision for one request: which {@link Category categories} are allowed,
 * and which {@link DecisionBasis signal or rule} settled each one.
 *
 * <p>Every enforcement step (HTML rewriting, cookie gate, beacon gate, access log, headers) reads only this value,
 * never the raw request headers. Application code reads it with {@link ConsentGate#decision}:
 *
 * <pre>{@code
 * if (ConsentGate.decision(request).allows(Category.ANALYTICS)) {
 *     // render the analytics snippet
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link Category#NECESSARY} is always allowed.
 */
public final class ConsentDecision {

    private static final ConsentDecision ALLOW_ALL;
    private static final ConsentDecision REFUSE_ALL;

    static {
        EnumMap<Category, DecisionBasis> all = new EnumMap<>(Category.class);
        EnumMap<Category, DecisionBasis> none = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            all.put(c, c == Category.NECESSARY ? DecisionBasis.ALWAYS : DecisionBasis.CONSENT);
            none.put(c, c == Category.NECESSARY ? DecisionBasis.ALWAYS : DecisionBasis.DEFAULT);
        }
        ALLOW_ALL = new ConsentDecision(EnumSet.allOf(Category.class), all, ConsentMode.OPT_IN);
        REFUSE_ALL = new ConsentDecision(EnumSet.of(Category.NECESSARY), none, ConsentMode.OPT_IN);
    }

    private final Set<Category> allowed;
    private final Map<Category, DecisionBasis> basis;
    private final ConsentMode mode;

    private ConsentDecision(Set<Category> allowed, Map<Category, DecisionBasis> basis, ConsentMode mode) {
        this.allowed = Collections.unmodifiableSet(allowed);
        this.basis = Collections.unmodifiableMap(basis);
        this.mode = mode;
    }

    /**
     * Creates a decision. {@link Category#NECESSARY} is added to {@code allowed} whatever is passed.
     *
     * @param allowed the allowed categories
     * @param basis   why each category was settled; categories missing here get {@link DecisionBasis#DEFAULT}
     * @param mode    the default mode that was in force for this request
     */
    public static ConsentDecision of(Set<Category> allowed, Map<Category, DecisionBasis> basis, ConsentMode mode) {
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(mode, "mode");
        EnumSet<Category> a = EnumSet.of(Category.NECESSARY);
        a.addAll(allowed);
        EnumMap<Category, DecisionBasis> b = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            b.put(c, c == Category.NECESSARY ? DecisionBasis.ALWAYS : basis.getOrDefault(c, DecisionBasis.DEFAULT));
        }
        return new ConsentDecision(a, b, mode);
    }

    /** Every category allowed (as after "accept all"); useful for tests, the CLI and trusted internal traffic. */
    public static ConsentDecision allowAll() {
        return ALLOW_ALL;
    }

    /** Only {@link Category#NECESSARY} allowed: the safe default of an opt-in policy with no consent. */
    public static ConsentDecision refuseAll() {
        return REFUSE_ALL;
    }

    /** Whether {@code category} is allowed for this request. */
    public boolean allows(Category category) {
        return allowed.contains(category);
    }

    /** Whether every one of {@code categories} is allowed (an empty set is allowed). */
    public boolean allowsAll(Set<Category> categories) {
        return allowed.containsAll(categories);
    }

    /** Whether every non-necessary category is allowed: nothing to enforce. */
    public boolean allowsEverything() {
        return allowed.size() == Category.values().length;
    }

    /** The allowed categories (always contains {@link Category#NECESSARY}); unmodifiable. */
    public Set<Category> allowed() {
        return allowed;
    }

    /** The refused categories; unmodifiable, possibly empty. */
    public Set<Category> refused() {
        EnumSet<Category> r = EnumSet.allOf(Category.class);
        r.removeAll(allowed);
        return Collections.unmodifiableSet(r);
    }

    /** Why {@code category} was allowed or refused. */
    public DecisionBasis basis(Category category) {
        return basis.get(category);
    }

    /** The default mode that was in force for this request. */
    public ConsentMode mode() {
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentDecision d && d.allowed.equals(allowed) && d.basis.equals(basis) && d.mode == mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowed, basis, mode);
    }

    @Override
    public String toString() {
        return "ConsentDecision" + basis + " allowed=" + allowed + " mode=" + mode;
    }
}
