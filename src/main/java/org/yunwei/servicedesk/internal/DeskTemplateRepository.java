package org.yunwei.servicedesk.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import org.yunwei.servicedesk.TemplateKind;

public interface DeskTemplateRepository extends JpaRepository<DeskTemplate, Long> {

	List<DeskTemplate> findAllByOrderByKindAscNameAsc();

	List<DeskTemplate> findByKindAndActiveTrueOrderByNameAsc(TemplateKind kind);

	Optional<DeskTemplate> findByKindAndName(TemplateKind kind, String name);

}
