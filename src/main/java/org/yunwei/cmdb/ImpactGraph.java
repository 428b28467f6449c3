package org.yunwei.cmdb;

import java.util.List;

/**
 * The CIs around one, n hops up (what is impacted if it fails, at negative depths) and
 * down (what it runs on, at positive depths), with the relations between them, source to
 * target ("runs on"); {@code truncated} when the node limit cut it short.
 */
public record ImpactGraph(long rootId, List<Node> nodes, List<Edge> edges, boolean truncated) {

	public record Node(long id, String number, String name, String classCode, String classNameZh, String classNameEn,
			String icon, CiState state, int depth) {
	}

	public record Edge(long source, long target, String typeCode, String labelZh, String labelEn) {
	}

	/** The CIs above the root (impacted if it fails), nearest first. */
	public List<Node> impacted() {
		return this.nodes.stream()
			.filter((n) -> n.depth() < 0)
			.sorted(java.util.Comparator.comparingInt((Node n) -> -n.depth()))
			.toList();
	}

	/** The CIs below the root (what it runs on), nearest first. */
	public List<Node> dependencies() {
		return this.nodes.stream()
			.filter((n) -> n.depth() > 0)
			.sorted(java.util.Comparator.comparingInt(Node::depth))
			.toList();
	}

}
