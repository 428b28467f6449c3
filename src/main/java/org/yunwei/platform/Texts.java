package org.yunwei.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Message texts outside a page: as a record keeps them ({@link #stored}, in Chinese, the
 * organisation's language, like a journal entry the system writes) or as the person
 * asking reads them ({@link #shown}); and the blank-text checks every form uses.
 */
@Component
public class Texts {

	/** The language the system writes records in. */
	public static final Locale RECORDS = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	/** A message as a record keeps it (Chinese); the key itself when it has none. */
	public String stored(String key, Object... args) {
		return this.messages.getMessage(key, args, key, RECORDS);
	}

	/** A message in the language of whoever is asking. */
	public String shown(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** Whether a text is missing: null, empty or only white space. */
	public static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** A text without its surrounding white space, null when blank. */
	public static String stripped(String s) {
		return blank(s) ? null : s.strip();
	}

}
