package org.lotkeeper.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImportKindTest {

    @Test
    void idListNamesEveryKind() {
        assertEquals("locations, products, boms, opening-stock or stocktake", ImportKind.idList());
    }
}
