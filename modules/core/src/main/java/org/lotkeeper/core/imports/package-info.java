/**
 * CSV import of locations, products, bills of materials and opening stock.
 *
 * <h2>File format</h2>
 * CSV as RFC 4180 defines it, in UTF-8: comma-separated, fields with commas, quotes or line
 * breaks in double quotes, a leading byte order mark and CRLF or LF line ends allowed, blank
 * lines ignored. The first line is the header. It names every column of the kind once, in any
 * order, and no other column. Line numbers in reports count the header as line 1, and a row
 * whose quoted field spans lines is reported at the line it starts on.
 * <table>
 * <caption>Kinds and their columns</caption>
 * <tr><th>kind</th><th>columns</th></tr>
 * <tr><td>{@code locations}</td><td>{@code code,name,parent}</td></tr>
 * <tr><td>{@code products}</td><td>{@code sku,name,description,category,unit,tracking,assembly,active}</td></tr>
 * <tr><td>{@code boms}</td><td>{@code assembly_sku,component_sku,quantity_per_unit,optional,consumable}</td></tr>
 * <tr><td>{@code opening-stock}</td><td>{@code sku,lot,serial,location,quantity,unit_cost,currency,status}</td></tr>
 * </table>
 * Numbers use a decimal point. Flags are {@code yes}/{@code no} ({@code true}/{@code false} and
 * {@code 1}/{@code 0} are accepted too). Import the kinds in the order above, because each refers
 * to the ones before it.
 *
 * <h2>Modes</h2>
 * {@code dry-run} checks every row and changes nothing. {@code commit} applies the whole file in
 * one transaction, or nothing when any row has an error. {@code commit-valid} applies the rows
 * without errors and returns the rejected rows, with the header, exactly as they were in the file.
 *
 * <h2>Rules per kind</h2>
 * <ul>
 * <li>Locations: a parent may come later in the file than its children. A parent that is
 * neither in the database nor accepted in the file rejects the child.</li>
 * <li>Products: the unit fixes the decimals (pcs 0; kg, g, m, l, ml 3). Tracking is {@code lot}
 * (the default) or {@code serial}.</li>
 * <li>Bills of materials: both products must exist, and the quantity per unit may have as many
 * decimals as the component's unit allows.</li>
 * <li>Re-imports: an import only adds. A location, product or bill-of-materials line that exists
 * with the same values is skipped with a warning, and one with other values is an error.</li>
 * </ul>
 *
 * <h2>Opening stock</h2>
 * <ul>
 * <li>A lot-tracked row without lot and serial goes to the product's {@code ALL} lot. One with
 * only a serial uses the serial as its lot code, with a warning. One with both is an error,
 * because a lot-tracked product keeps no serial numbers.</li>
 * <li>A serial-tracked row needs a serial and quantity 1, and the serial is its lot code. Its
 * lot column is kept as the ledger entry's {@code batch} field. A serial the product used before,
 * or one repeated in the file, is an error.</li>
 * <li>A row without location is an error unless the request names a default location, which
 * must exist. The rows that use it get a warning.</li>
 * <li>A row without unit cost follows the cost policy: {@code reject} (the default) makes it an
 * error. {@code zero} puts it at cost 0 with a warning. {@code product-average} gives it the
 * quantity-weighted average cost of the same product's valid rows with a cost, rounded to 4
 * decimals, with a warning, or makes it an error when there is no such row.</li>
 * <li>Quantities must be positive and have no more decimals than the product's unit allows. Unit
 * costs are 0 or more with at most 4 decimals.</li>
 * <li>The first row that names a currency fixes the file's currency. A blank currency means the
 * file's, and any other currency is an error. The ledger keeps no currency itself.</li>
 * <li>The status becomes the lot condition, {@code ok} when blank.</li>
 * <li>Rows with the same product, lot code and location merge into one line, with a warning
 * naming the lines. Quantities and values add up, so the line's unit cost is the
 * quantity-weighted average rounded to 4 decimals. The posted value is quantity times that cost
 * in cents, so it may differ from the sum of the rows' values by rounding. When the merged rows
 * disagree on the status, the lot takes the first one that is not {@code ok}.</li>
 * <li>The valid lines post as documents of the {@code opening} type, each of at most 5,000 lines,
 * all in one transaction, effective today. Each row is in exactly one line, so no row is posted in
 * part. The client key of each document is derived from the SHA-256 of the file's text.
 * Committing the identical file again returns the first import's documents as already imported
 * and posts nothing, whatever the options. To import more stock, import a changed file.</li>
 * </ul>
 */
package org.lotkeeper.core.imports;
