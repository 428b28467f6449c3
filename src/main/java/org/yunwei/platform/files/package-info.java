/**
 * The kernel's store of uploaded files: allow-listed types checked against their first
 * bytes, safe names, a size limit, files under the data directory that follow their
 * record's transaction. Every module that keeps files (work-item attachments, controlled
 * documents …) stores them here and serves them through
 * {@link org.yunwei.platform.web.FileDownloads}.
 */
@org.springframework.modulith.NamedInterface("files")
package org.yunwei.platform.files;
