package org.lotkeeper.core.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.core.audit.AuditLog;
import org.lotkeeper.core.security.Caller;
import org.lotkeeper.core.security.Role;
import org.lotkeeper.core.support.BusinessException;
import org.lotkeeper.core.support.ErrorCode;

/** Creates and reads products, locations and bills of materials. */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class.getName());

    /** Decimals a quantity may have, by unit, unless a product sets its own. */
    public static final Map<String, Integer> UNIT_DECIMALS = Map.of("pcs", 0, "kg", 3, "g", 3, "m", 3, "l", 3, "ml", 3);

    /** Most decimals any unit may allow. */
    public static final int MAX_DECIMALS = 6;

    @PersistenceContext(unitName = "lotkeeper")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /**
     * Creates a product. {@code decimals} may be {@code null} to take the unit's default.
     */
    @Transactional
    public Product createProduct(String sku, String name, String unit, Integer decimals, ProductInfo.Tracking tracking,
                                 boolean assembly) {
        caller.require(Role.STAFF, "product.create", sku);
        checkCode("sku", sku);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw BusinessException.invalid("name", name, "A product name has 1 to 200 characters.");
        }
        String normalUnit = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        int places = decimalsFor(normalUnit, decimals);
        if (findProduct(sku).isPresent()) {
            throw new BusinessException(ErrorCode.CONFLICT, "sku", sku, "Product " + sku + " already exists.");
        }

        Product product = new Product(sku, name.strip(), normalUnit, places,
                tracking == null ? ProductInfo.Tracking.LOT : tracking, assembly);
        em.persist(product);
        LOG.info(() -> "Created product sku='" + sku + "' user='" + caller.name() + "'");
        return product;
    }

    /** Creates a location, optionally inside the location with code {@code parentCode}. */
    @Transactional
    public Location createLocation(String code, String name, String parentCode) {
        caller.require(Role.STAFF, "location.create", code);
        checkCode("code", code);
        if (findLocation(code).isPresent()) {
            throw new BusinessException(ErrorCode.CONFLICT, "code", code, "Location " + code + " already exists.");
        }
        Location parent = null;
        if (parentCode != null && !parentCode.isBlank()) {
            parent = findLocation(parentCode)
                    .orElseThrow(() -> BusinessException.notFound("parent", parentCode, "Location"));
        }
        Location location = new Location(code, name == null || name.isBlank() ? code : name.strip(), parent);
        em.persist(location);
        return location;
    }

    /** Adds or replaces one bill-of-materials line. */
    @Transactional
    public BomEntry setBomLine(String assemblySku, String componentSku, BigDecimal quantityPerUnit, boolean optional,
                               boolean consumable) {
        caller.require(Role.STAFF, "bom.change", assemblySku);
        Product assembly = findProduct(assemblySku)
                .orElseThrow(() -> BusinessException.notFound("assemblySku", assemblySku, "Product"));
        Product component = findProduct(componentSku)
                .orElseThrow(() -> BusinessException.notFound("componentSku", componentSku, "Product"));
        if (assembly.getId().equals(component.getId())) {
            throw BusinessException.rule("componentSku", componentSku, "A product cannot be a component of itself.");
        }
        if (quantityPerUnit == null || quantityPerUnit.signum() <= 0) {
            throw BusinessException.invalid("quantityPerUnit", quantityPerUnit, "The quantity per unit must be positive.");
        }
        if (quantityPerUnit.stripTrailingZeros().scale() > component.getDecimals()) {
            throw BusinessException.rule("quantityPerUnit", quantityPerUnit.toPlainString(), "Component " + componentSku
                    + " is counted in " + component.getUnit() + ", which allows " + component.getDecimals() + " decimals.");
        }

        em.createQuery("DELETE FROM BomEntry b WHERE b.assembly = :a AND b.component = :c")
                .setParameter("a", assembly).setParameter("c", component).executeUpdate();
        assembly.setAssembly(true);
        BomEntry entry = new BomEntry(assembly, component, quantityPerUnit, optional, consumable);
        em.persist(entry);
        return entry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Product> products(String search, int offset, int limit) {
        caller.require(Role.VIEWER, "product.list", null);
        String pattern = search == null || search.isBlank() ? "%" : "%" + search.strip().toLowerCase(Locale.ROOT) + "%";
        return em.createQuery("SELECT p FROM Product p WHERE LOWER(p.sku) LIKE :s OR LOWER(p.name) LIKE :s"
                        + " ORDER BY p.sku", Product.class)
                .setParameter("s", pattern).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Location> locations() {
        caller.require(Role.VIEWER, "location.list", null);
        return em.createQuery("SELECT l FROM Location l ORDER BY l.code", Location.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BomEntry> billOfMaterials(String assemblySku) {
        caller.require(Role.VIEWER, "bom.read", assemblySku);
        return em.createQuery("SELECT b FROM BomEntry b WHERE b.assembly.sku = :sku ORDER BY b.id", BomEntry.class)
                .setParameter("sku", assemblySku).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Product> findProduct(String sku) {
        return em.createQuery("SELECT p FROM Product p WHERE p.sku = :sku", Product.class)
                .setParameter("sku", sku).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Location> findLocation(String code) {
        return em.createQuery("SELECT l FROM Location l WHERE l.code = :code", Location.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** Returns the decimals for a unit: the product's own choice, else the unit's default. */
    public static int decimalsFor(String unit, Integer decimals) {
        if (unit == null || !unit.matches("[a-z0-9]{1,20}")) {
            throw BusinessException.invalid("unit", unit, "A unit has 1 to 20 lower case letters or digits, such as pcs, kg, m or l.");
        }
        if (decimals != null) {
            if (decimals < 0 || decimals > MAX_DECIMALS) {
                throw BusinessException.invalid("decimals", decimals, "Decimals must be between 0 and " + MAX_DECIMALS + ".");
            }
            return decimals;
        }
        Integer known = UNIT_DECIMALS.get(unit);
        if (known == null) {
            throw BusinessException.invalid("decimals", null, "Unit " + unit + " has no default number of decimals; "
                    + "give decimals (known units: " + UNIT_DECIMALS.keySet() + ").");
        }
        return known;
    }

    private static void checkCode(String field, String code) {
        if (code == null || code.isBlank() || code.length() > 100 || code.chars().anyMatch(Character::isISOControl)
                || !code.equals(code.strip())) {
            throw BusinessException.invalid(field, code,
                    "A code has 1 to 100 characters, no control characters and no leading or trailing spaces.");
        }
    }
}
