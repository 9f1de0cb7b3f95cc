// Bump when extraction output may change: the nightly run re-extracts every file an older version produced.
// 0.2.0: PDF text from the operator list instead of getTextContent (same output on every PDF we have).
// 0.3.0: record schema 2 (years yyyy-yy, metric kind plan_change, round, planDate, area.organisations and
//        area.hwbAreaCode from the gazetteer): older rows are re-extracted and grouped into plans.
// 0.4.0: the logical-table stage and template-declared Part 2 tables, fixed-width and cell-per-line tables rebuilt,
//        fields read their template sections, ranges no amount, part-only (workbook) templates, record notes.
// 0.5.0: tables flattened by text conversion rebuilt (period stacks, cell groups in reading order, rows centred on
//        their figures), years cut at cell edges rejoined, the template's financial year for undated figures;
//        items carry their block (and, from workbooks, their cell).
// 0.6.0: PDF table rows cut by a page break joined again, margin numbers dropped only where pages are numbered,
//        numbered lists drawn as tables read as scheme lists.
// 0.7.0: PDF tables without rules read as columns and row bands (borderless Word tables, sheets printed without
//        gridlines, their clipped headers); risk logs in reading order read by what their cells hold; spending
//        plans, metric stacks and fixed-width tables cut or scattered by converters rebuilt.
// 0.8.0: PDF rows cut by a page break joined across a header repeated (or begun) there, sheets' clipped period rows
//        and one-row metric blocks, clipped month ranges completed; fixed-width tables read row by row where each
//        row sits at its own offsets, glued ratings and stray risk cells placed; spending plans in reading order
//        pair their free-text cells; a bare "NHS …" name is a party only where the gazetteer knows it.
// 0.9.0: PDF rows whose cells wrapped together, and rows cut by a page break above the rest of their table, one row;
//        sheets printed without gridlines read from laid-out text (amount columns, stacked sheets, metric blocks)
//        and from raw text given column by column; one rating vocabulary for every risk-log reader.
// 0.10.0: raw text of tables without rules or gridlines: a scheme sheet's figures with empty cells dropped placed
//        where the Total row decides, 2014 Part 2 metric blocks given column by column, the revised risk log given
//        column by column, wrapped plan-details labels, period headers whose cells come apart.
// 0.11.0: raw text of retypeset tables (cells wrapping and pages breaking elsewhere): spending-plan names paired
//        to amounts only where the order proves it, annual and quarterly metric headers printed interleaved, glued
//        and cut, values under a shuffled header kept only where flat, the 2014 annex's question rows, cut
//        plan-details years, risk cells cut by a page break or given out of column order.
// 0.12.0: every table the templates define declared as data (risk logs, metric tables, 2022-23 income and
//         expenditure, the 2014 revised scheme list); the readers name columns and rows by the template's words
//         before their own, so plans whose headers only the template's wording names are read (a scheme list's
//         theme column among them).
export const EXTRACTOR_VERSION = '0.12.0';
