/**
 * The standard 《信息技术服务运行维护通用要求用户实施规范》 as data: its clauses, by number and title, which
 * documents, evidence and indicators name.
 */
@org.springframework.modulith.NamedInterface("standard")
package org.yunwei.platform.standard;
