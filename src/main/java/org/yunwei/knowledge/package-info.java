/**
 * The knowledge base (7.6.1): articles in the incident category tree, each with its
 * versions (drafted, reviewed and approved through a {@code kbapproval} work item,
 * published, superseded and kept), who may read it (everyone, IT staff, or chosen
 * groups), its review date, files, "was this helpful" answers, views and uses (an article
 * linked to a ticket counts as used once the ticket is resolved). Articles are drafted in
 * one click from a resolved incident, suggested to agents and users while they type, and
 * found by the kernel's full-text search; the knowledge-gap report sets incidents against
 * articles per category.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package org.yunwei.knowledge;
