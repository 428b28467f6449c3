package org.yunwei.cmdb;

import java.time.Instant;
import java.util.List;

/** A configuration item with its class, its values and who looks after it. */
public record CiView(long id, int version, String number, String name, CiClassView ciClass, CiState state, Ref owner,
		Ref group, Ref location, Ref service, String description, List<Value> values, Instant createdAt,
		Instant updatedAt) {

	/** Someone or something referred to by id, with its name (and number, for a CI). */
	public record Ref(long id, String name, String number) {
	}

	/** An attribute's value (null: not recorded). */
	public record Value(AttributeView attribute, String value) {

		public String display(String language) {
			return this.attribute.display(this.value, language);
		}

	}

	public String value(String attributeCode) {
		return this.values.stream()
			.filter((v) -> v.attribute().code().equals(attributeCode))
			.map(Value::value)
			.findFirst()
			.orElse(null);
	}

}
