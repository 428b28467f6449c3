package org.yunwei.platform.identity.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.UserImport;

/**
 * Importing people: upload, preview each row, then import all or none; the initial
 * passwords of the new accounts are shown once, on the result page.
 */
@Controller
class UserImportController {

	private final UserImport importer;

	UserImportController(UserImport importer) {
		this.importer = importer;
	}

	@GetMapping("/admin/users/import")
	String page() {
		return "admin/user-import";
	}

	@PostMapping("/admin/users/import")
	String upload(@RequestParam(defaultValue = "preview") String action,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String fileName, @RequestParam(required = false) String content,
			Model model) throws IOException {
		org.yunwei.platform.web.TableFiles.Upload upload = org.yunwei.platform.web.TableFiles.Upload.of(file, fileName,
				content);
		String name = upload.name();
		byte[] bytes = upload.bytes();
		try {
			if ("import".equals(action)) {
				model.addAttribute("result", this.importer.importAll(name, bytes));
				return "admin/user-import";
			}
			model.addAttribute("preview", this.importer.preview(name, bytes));
			model.addAttribute("fileName", name);
			model.addAttribute("content", upload.content());
		}
		catch (ValidationFailed ex) {
			model.addAttribute("violations", ex.violations());
		}
		return "admin/user-import";
	}

	/** The same over REST. */
	@RestController
	static class Api {

		private final UserImport importer;

		Api(UserImport importer) {
			this.importer = importer;
		}

		@PostMapping(path = "/api/v1/users/import", consumes = "multipart/form-data")
		@Operation(summary = "Import people from CSV or Excel (field \"file\"): dryRun=true previews each row;"
				+ " otherwise all rows or none, with the new accounts' one-time initial passwords")
		ResponseEntity<Object> importFile(@RequestParam(defaultValue = "false") boolean dryRun,
				@RequestParam("file") MultipartFile file) throws IOException {
			if (dryRun) {
				return ResponseEntity.ok(this.importer.preview(file.getOriginalFilename(), file.getBytes()));
			}
			return ResponseEntity.ok(this.importer.importAll(file.getOriginalFilename(), file.getBytes()));
		}

	}

}
