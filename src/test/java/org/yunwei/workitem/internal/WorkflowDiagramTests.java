package org.yunwei.workitem.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.WorkflowDefinition;
import org.yunwei.workitem.WorkflowDefinition.State;
import org.yunwei.workitem.WorkflowDefinition.Transition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow drawing: every state and label, the path taken, text escaped, labels
 * apart.
 */
class WorkflowDiagramTests {

	private static State state(String code, String zh, StateCategory category, boolean initial) {
		return new State(code, Map.of("zh", zh, "en", code), category, initial, null, null);
	}

	private static Transition move(String name, String zh, String from, String to) {
		return new Transition(name, Map.of("zh", zh), List.of(from), to, null, null, null, null);
	}

	private final WorkflowDefinition routine = new WorkflowDefinition(
			List.of(state("open", "待处理", StateCategory.NEW, true), state("doing", "处理中", StateCategory.ACTIVE, false),
					state("waiting", "等待<厂商>", StateCategory.WAITING, false),
					state("done", "已完成", StateCategory.DONE, false),
					state("cancelled", "已取消", StateCategory.CANCELLED, false)),
			List.of(move("start", "开始", "open", "doing"), move("wait", "等待", "doing", "waiting"),
					move("resume", "继续", "waiting", "doing"), move("cancel", "取消", "waiting", "cancelled"),
					move("complete", "完成", "doing", "done")));

	@Test
	void everyStateAndTransitionIsDrawnAndTextIsEscaped() {
		String svg = WorkflowDiagram.svg(this.routine, "zh", null, Set.of(), Set.of());
		assertThat(svg).startsWith("<svg").contains("待处理", "处理中", "已完成", "已取消", "开始", "继续", "完成");
		assertThat(svg).contains("等待&lt;厂商&gt;").doesNotContain("<厂商>").doesNotContain("<script");
		assertThat(svg).contains("data-state=\"cancelled\"");
	}

	@Test
	void aRecordsPathAndCurrentStateStandOut() {
		String svg = WorkflowDiagram.svg(this.routine, "en", "waiting", Set.of("open", "doing", "waiting"),
				Set.of("start", "wait"));
		assertThat(svg).contains("yw-wf-current\" data-state=\"waiting\"");
		assertThat(svg.split("yw-wf-taken", -1)).hasSize(3);
		assertThat(svg).contains(">doing<");
	}

	@Test
	void labelsOfArcsBackToEarlierStatesDoNotOverlap() {
		WorkflowDefinition loops = new WorkflowDefinition(this.routine.states(),
				List.of(move("start", "开始", "open", "doing"), move("wait", "等待", "doing", "waiting"),
						move("resume", "继续", "waiting", "doing"), move("reopen", "重开", "waiting", "open"),
						move("complete", "完成", "doing", "done"), move("cancel", "取消", "doing", "cancelled")));
		String svg = WorkflowDiagram.svg(loops, "zh", null, Set.of(), Set.of());
		Matcher m = Pattern.compile("<text class=\"yw-wf-label\" x=\"(\\d+)\" y=\"(-?\\d+)\"[^>]*>(继续|重开)</text>")
			.matcher(svg);
		int[] ys = new int[2];
		int found = 0;
		while (m.find()) {
			ys[found++] = Integer.parseInt(m.group(2));
		}
		assertThat(found).isEqualTo(2);
		assertThat(Math.abs(ys[0] - ys[1])).isGreaterThanOrEqualTo(12);
		assertThat(ys[0]).isPositive();
		assertThat(ys[1]).isPositive();
	}

}
