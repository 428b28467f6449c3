/**
 * The kernel's one full-text search: every module that wants its records found (work
 * items, knowledge articles …) describes them as {@link SearchDocument}s behind a
 * {@link SearchSource}, says which access tokens a user holds, and calls
 * {@link Search#changed} when a record changes. The index (embedded Lucene with smartcn
 * Chinese word segmentation) is updated after commit through the event publication
 * registry, so an update survives a crash; results are ranked, highlighted and filtered
 * per record and per field by the tokens. The index can be checked against the database
 * and rebuilt.
 */
@org.springframework.modulith.NamedInterface("search")
package org.yunwei.platform.search;
