package org.lotkeeper.core.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.core.catalog.Product;
import org.lotkeeper.core.lots.SerialClaim;

/** Reads the existing catalog in bulk for the checks of an import. */
@ApplicationScoped
class ImportLookups {

    /** Values per IN list, kept well below what databases accept in one statement. */
    private static final int CHUNK = 500;

    /** An existing location: its code, name and the parent's code or {@code null}. */
    record ExistingLocation(String code, String name, String parent) {
    }

    /** An existing bill-of-materials line. */
    record ExistingBomLine(String assemblySku, String componentSku, java.math.BigDecimal quantityPerUnit,
                           boolean optional, boolean consumable) {
    }

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    /** Returns the products with these skus, by sku. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<String, Product> products(Collection<String> skus) {
        Map<String, Product> found = new HashMap<>();
        List<String> all = new ArrayList<>(skus);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            em.createQuery("SELECT p FROM Product p WHERE p.sku IN :skus", Product.class)
                    .setParameter("skus", chunk).getResultList()
                    .forEach(product -> found.put(product.getSku(), product));
        }
        return found;
    }

    /** Returns every location, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<String, ExistingLocation> locations() {
        Map<String, ExistingLocation> found = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT l.code, l.name, p.code FROM Location l LEFT JOIN l.parent p",
                Object[].class).getResultList()) {
            found.put((String) row[0], new ExistingLocation((String) row[0], (String) row[1], (String) row[2]));
        }
        return found;
    }

    /** Returns the bill-of-materials lines of these assemblies, by assembly and component sku. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<List<String>, ExistingBomLine> bomLines(Collection<String> assemblySkus) {
        Map<List<String>, ExistingBomLine> found = new HashMap<>();
        List<String> all = new ArrayList<>(assemblySkus);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            for (Object[] row : em.createQuery("SELECT b.assembly.sku, b.component.sku, b.quantityPerUnit,"
                    + " b.optionalPart, b.consumable FROM BomEntry b WHERE b.assembly.sku IN :skus", Object[].class)
                    .setParameter("skus", chunk).getResultList()) {
                ExistingBomLine line = new ExistingBomLine((String) row[0], (String) row[1],
                        (java.math.BigDecimal) row[2], (Boolean) row[3], (Boolean) row[4]);
                found.put(List.of(line.assemblySku(), line.componentSku()), line);
            }
        }
        return found;
    }

    /** Returns whether the product ever had a lot with this serial number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    boolean serialUsed(Product product, String serial) {
        return em.find(SerialClaim.class, new SerialClaim.Key(product.getId(), serial)) != null;
    }
}
