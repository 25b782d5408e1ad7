package io.consentgate.catalog;

import java.util.List;

/**
 * A parsed catalog entry: the public {@link Tracker} plus the matching details it does not expose. {@code ampTypes}
 * are the vendor names AMP components take in their {@code type} attribute, lower-case; {@code magentoComponents} the
 * RequireJS component names a Magento {@code text/x-magento-init} block starts the tracker with; {@code dataBlocks}
 * the members of a JSON data block that make a shared loader start it ({@link DataBlockMember}); {@code pageGlobals}
 * the names the tracker's snippet defines that the page's own code calls.
 */
record CatalogEntry(Tracker tracker, List<TagIdRule> tagIds, List<String> taggedSignatures,
                    List<String> cookieDomains, List<EndpointPattern> endpointPatterns, List<LoaderPattern> loaders,
                    List<String> ampTypes, List<String> magentoComponents, List<DataBlockMember> dataBlocks,
                    PageGlobals pageGlobals) {

    CatalogEntry {
        tagIds = List.copyOf(tagIds);
        taggedSignatures = List.copyOf(taggedSignatures);
        loaders = List.copyOf(loaders);
        cookieDomains = List.copyOf(cookieDomains);
        endpointPatterns = List.copyOf(endpointPatterns);
        ampTypes = List.copyOf(ampTypes);
        magentoComponents = List.copyOf(magentoComponents);
        dataBlocks = List.copyOf(dataBlocks);
    }

    String id() {
        return tracker.id();
    }
}
