package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/** A {@link PagedIterable} whose pages are fetched one at a time, only when iteration reaches them. */
final class LazyPages {
    private LazyPages() {
    }

    /**
     * Creates the iterable.
     *
     * @param plan computes, on first use, one supplier per page
     */
    static <T> PagedIterable<T> of(Supplier<List<Supplier<List<T>>>> plan) {
        AtomicReference<List<Supplier<List<T>>>> pages = new AtomicReference<>();
        Function<String, PagedResponse<T>> fetch = token -> {
            List<Supplier<List<T>>> p = pages.updateAndGet(x -> x != null ? x : List.copyOf(plan.get()));
            int i = token == null ? 0 : Integer.parseInt(token);
            List<T> items = p.isEmpty() ? List.of() : p.get(i).get();
            String next = i + 1 < p.size() ? Integer.toString(i + 1) : null;
            return new PagedResponseBase<Void, T>(null, 200, null, items, next, null);
        };
        return new PagedIterable<>(() -> fetch.apply(null), fetch);
    }
}
