package org.yunwei;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditVerification;
import org.yunwei.platform.identity.AdminKind;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.platform.web.NavArea;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every label and message exists in zh-CN and in English, and every key the code and
 * pages use exists.
 */
class I18nTests {

	@Test
	void bothBundlesHaveTheSameKeysAndNoEmptyValue() throws IOException {
		Properties zh = load("messages_zh_CN.properties");
		Properties en = load("messages_en.properties");
		assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
		zh.forEach((k, v) -> assertThat(v.toString()).as("zh %s", k).isNotBlank());
		en.forEach((k, v) -> assertThat(v.toString()).as("en %s", k).isNotBlank());
		assertThat(zh.getProperty("nav.area.SYSTEM")).isEqualTo("系统管理");
		assertThat(en.getProperty("nav.area.SYSTEM")).isEqualTo("System administration");
	}

	@Test
	void messagesWithArgumentsShowTheirApostrophes() throws IOException {
		// in a message with {0}, a single ' starts a quoted section and swallows the rest
		for (String bundle : new String[] { "messages_zh_CN.properties", "messages_en.properties" }) {
			load(bundle).forEach((k, v) -> {
				String text = v.toString();
				if (text.contains("{") && text.replace("''", "").contains("'")) {
					throw new AssertionError(bundle + " " + k + " needs '' for an apostrophe: " + text);
				}
			});
		}
	}

	@Test
	void everyKeyUsedInTemplatesAndEnumsExists() throws IOException {
		Set<String> keys = load("messages_en.properties").stringPropertyNames();
		Set<String> used = new TreeSet<>();
		Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.\\-]*)[}(]");
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher m = literal.matcher(Files.readString(file));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		for (AuditAction a : AuditAction.values()) {
			used.add(a.messageKey());
		}
		for (AuditVerification.Kind k : AuditVerification.Kind.values()) {
			used.add(k.messageKey());
		}
		for (AdminKind k : AdminKind.values()) {
			used.add(k.messageKey());
		}
		for (RecordScope s : RecordScope.values()) {
			used.add(s.messageKey());
		}
		for (NavArea a : NavArea.values()) {
			used.add(a.messageKey());
		}
		assertThat(used).hasSizeGreaterThan(100);
		assertThat(keys).containsAll(used);
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = I18nTests.class.getResourceAsStream("/" + name)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

}
