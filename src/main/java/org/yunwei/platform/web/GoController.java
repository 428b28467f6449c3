package org.yunwei.platform.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.yunwei.platform.NotFound;

/** {@code /go/{type}/{id}}: opens a record's page, wherever its module shows it. */
@Controller
class GoController {

	private final List<RecordLink> links;

	GoController(List<RecordLink> links) {
		this.links = links;
	}

	@GetMapping("/go/{type}/{id}")
	String go(@PathVariable String type, @PathVariable long id) {
		for (RecordLink link : this.links) {
			if (link.types().contains(type)) {
				return link.path(type, id).map((p) -> "redirect:" + p).orElseThrow(() -> NotFound.of(type, id));
			}
		}
		throw NotFound.of(type, id);
	}

}
