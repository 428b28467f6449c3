package org.yunwei.change;

import java.util.List;
import java.util.Map;

/**
 * The risk questionnaire: six questions, each answered with a score from 0 (no risk) to
 * 3. The risk is high when the answers add up to 10 or more, or when the change reaches
 * several services or cannot be backed out (either answered 3); medium from 5; low below.
 */
public final class RiskQuestionnaire {

	/** A question: its code and the scores of its options, 0 to 3. */
	public record Question(String code) {

		public String messageKey() {
			return "change.q." + this.code;
		}

		public String optionKey(int score) {
			return "change.q." + this.code + "." + score;
		}

		public List<Integer> scores() {
			return SCORES;
		}

	}

	private static final List<Integer> SCORES = List.of(0, 1, 2, 3);

	/** Scope, outage, complexity, back-out, experience, timing. */
	public static final List<Question> QUESTIONS = List.of(new Question("scope"), new Question("outage"),
			new Question("complexity"), new Question("backout"), new Question("experience"), new Question("timing"));

	/** From this total the risk is medium. */
	public static final int MEDIUM_FROM = 5;

	/** From this total the risk is high. */
	public static final int HIGH_FROM = 10;

	private RiskQuestionnaire() {
	}

	/** Whether every question is answered with a valid score. */
	public static boolean complete(Map<String, Integer> answers) {
		return QUESTIONS.stream().allMatch((q) -> valid(answers.get(q.code())));
	}

	public static boolean valid(Integer score) {
		return score != null && score >= 0 && score <= 3;
	}

	public static int score(Map<String, Integer> answers) {
		return QUESTIONS.stream().mapToInt((q) -> answers.getOrDefault(q.code(), 0)).sum();
	}

	/** The risk the answers give; null until every question is answered. */
	public static RiskLevel level(Map<String, Integer> answers) {
		if (!complete(answers)) {
			return null;
		}
		int total = score(answers);
		if (total >= HIGH_FROM || answers.get("scope") == 3 || answers.get("backout") == 3) {
			return RiskLevel.HIGH;
		}
		return (total >= MEDIUM_FROM) ? RiskLevel.MEDIUM : RiskLevel.LOW;
	}

}
