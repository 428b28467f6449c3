package org.yunwei.workitem.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.HtmlUtils;

import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.State;
import org.yunwei.workitem.WorkflowDefinition.Transition;

/**
 * Draws a workflow as SVG on the server (no script, so the page's CSP stays strict):
 * states in columns by their distance from the initial state, transitions as arrows. On a
 * record, the states and transitions it went through are highlighted and its current
 * state stands out.
 */
public final class WorkflowDiagram {

	private static final int BOX_W = 150;

	private static final int BOX_H = 46;

	private static final int GAP_X = 110;

	private static final int GAP_Y = 56;

	private static final int PAD = 28;

	private static final int ARC_STEP = 18;

	private static final int ARC_LEVELS = 4;

	private WorkflowDiagram() {
	}

	/**
	 * @param current the record's state, or null for the definition alone
	 * @param visited states the record has been in
	 * @param taken transitions it has taken (by name)
	 */
	public static String svg(WorkflowDefinition def, String language, String current, Set<String> visited,
			Set<String> taken) {
		Map<String, Integer> layer = layers(def);
		Map<Integer, List<State>> columns = new LinkedHashMap<>();
		for (State s : def.states()) {
			columns.computeIfAbsent(layer.get(s.code()), (k) -> new ArrayList<>()).add(s);
		}
		int maxRows = columns.values().stream().mapToInt(List::size).max().orElse(1);
		int cols = columns.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		// arcs back to earlier columns run above the boxes, each a level higher so their
		// labels do not overlap: make room for them
		int backEdges = 0;
		for (Transition t : def.transitions()) {
			for (String from : t.from()) {
				Integer a = layer.get(from);
				Integer b = layer.get(t.to());
				if (a != null && b != null && b < a) {
					backEdges++;
				}
			}
		}
		int arcLevels = Math.min(backEdges, ARC_LEVELS);
		int top = PAD + 20 + arcLevels * ARC_STEP;
		int width = PAD * 2 + cols * BOX_W + (cols - 1) * GAP_X;
		int height = top + PAD + maxRows * BOX_H + (maxRows - 1) * GAP_Y + 20;
		Map<String, int[]> pos = new HashMap<>();
		for (Map.Entry<Integer, List<State>> column : columns.entrySet()) {
			List<State> states = column.getValue();
			int offset = (maxRows - states.size()) * (BOX_H + GAP_Y) / 2;
			for (int i = 0; i < states.size(); i++) {
				int x = PAD + column.getKey() * (BOX_W + GAP_X);
				int y = top + offset + i * (BOX_H + GAP_Y);
				pos.put(states.get(i).code(), new int[] { x, y });
			}
		}
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"yw-workflow\" role=\"img\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\">");
		svg.append("<defs><marker id=\"yw-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" ")
			.append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#8a94a6\"/>")
			.append("</marker><marker id=\"yw-arrow-taken\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" ")
			.append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#0d6efd\"/>")
			.append("</marker></defs>");
		int loop = 0;
		for (Transition t : def.transitions()) {
			for (String from : t.from()) {
				int[] a = pos.get(from);
				int[] b = pos.get(t.to());
				if (a == null || b == null) {
					continue;
				}
				boolean hit = taken.contains(t.name()) && visited.contains(from);
				String cls = hit ? "yw-wf-edge yw-wf-taken" : "yw-wf-edge";
				String marker = hit ? "url(#yw-arrow-taken)" : "url(#yw-arrow)";
				String path;
				int lx;
				int ly;
				String anchor = "middle";
				if (b[0] > a[0]) {
					int x1 = a[0] + BOX_W;
					int y1 = a[1] + BOX_H / 2;
					int x2 = b[0];
					int y2 = b[1] + BOX_H / 2;
					int mx = (x1 + x2) / 2;
					path = "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2;
					lx = mx;
					ly = (y1 + y2) / 2 - 6;
				}
				else if (b[0] == a[0]) {
					// same column: straight down or up between the boxes, label beside
					boolean down = b[1] > a[1];
					int x = a[0] + BOX_W / 2 + (down ? -12 : 12);
					int y1 = down ? a[1] + BOX_H : a[1];
					int y2 = down ? b[1] : b[1] + BOX_H;
					path = "M" + x + "," + y1 + " L" + x + "," + y2;
					lx = x + (down ? -4 : 4);
					ly = (y1 + y2) / 2 + 4;
					anchor = down ? "end" : "start";
				}
				else {
					// back to an earlier column: an arc above the boxes
					loop++;
					int x1 = a[0] + BOX_W / 2 + 10;
					int y1 = a[1];
					int x2 = b[0] + BOX_W / 2 - 10;
					int y2 = b[1];
					int apex = Math.min(y1, y2) - 26 - ((loop - 1) % ARC_LEVELS) * ARC_STEP;
					path = "M" + x1 + "," + y1 + " C" + x1 + "," + apex + " " + x2 + "," + apex + " " + x2 + "," + y2;
					lx = (x1 + x2) / 2;
					// a cubic curve reaches three quarters of the way to its control
					// points
					ly = Math.min(y1, y2) - (Math.min(y1, y2) - apex) * 3 / 4 - 3;
				}
				svg.append("<path class=\"")
					.append(cls)
					.append("\" d=\"")
					.append(path)
					.append("\" fill=\"none\" marker-end=\"")
					.append(marker)
					.append("\"/>");
				svg.append("<text class=\"yw-wf-label\" x=\"")
					.append(lx)
					.append("\" y=\"")
					.append(ly)
					.append("\" text-anchor=\"")
					.append(anchor)
					.append("\">")
					.append(esc(t.label(language)))
					.append("</text>");
			}
		}
		for (State s : def.states()) {
			int[] p = pos.get(s.code());
			String cls = "yw-wf-state yw-wf-" + s.category().name().toLowerCase();
			if (visited.contains(s.code())) {
				cls += " yw-wf-visited";
			}
			if (s.code().equals(current)) {
				cls += " yw-wf-current";
			}
			svg.append("<g class=\"").append(cls).append("\" data-state=\"").append(esc(s.code())).append("\">");
			svg.append("<rect x=\"")
				.append(p[0])
				.append("\" y=\"")
				.append(p[1])
				.append("\" width=\"")
				.append(BOX_W)
				.append("\" height=\"")
				.append(BOX_H)
				.append("\" rx=\"8\"/>");
			svg.append("<text x=\"")
				.append(p[0] + BOX_W / 2)
				.append("\" y=\"")
				.append(p[1] + BOX_H / 2 + 5)
				.append("\" text-anchor=\"middle\">")
				.append(esc(s.label(language)))
				.append("</text>");
			if (s.starts()) {
				svg.append("<circle cx=\"")
					.append(p[0] - 12)
					.append("\" cy=\"")
					.append(p[1] + BOX_H / 2)
					.append("\" r=\"5\" class=\"yw-wf-start\"/>");
			}
			svg.append("</g>");
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private static Map<String, Integer> layers(WorkflowDefinition def) {
		Map<String, Integer> layer = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		String start = def.states()
			.stream()
			.filter(State::starts)
			.findFirst()
			.map(State::code)
			.orElse(def.states().get(0).code());
		layer.put(start, 0);
		queue.add(start);
		while (!queue.isEmpty()) {
			String s = queue.poll();
			for (Transition t : def.from(s)) {
				if (!layer.containsKey(t.to())) {
					layer.put(t.to(), layer.get(s) + 1);
					queue.add(t.to());
				}
			}
		}
		int last = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		for (State s : def.states()) {
			layer.putIfAbsent(s.code(), last);
		}
		return layer;
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text);
	}

}
