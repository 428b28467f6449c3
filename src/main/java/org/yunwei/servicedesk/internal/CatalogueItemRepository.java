package org.yunwei.servicedesk.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogueItemRepository extends JpaRepository<CatalogueItem, Long> {

	Optional<CatalogueItem> findByCode(String code);

	List<CatalogueItem> findAllByOrderByCategoryZhAscSortOrderAscCodeAsc();

	List<CatalogueItem> findByActiveTrueOrderByCategoryZhAscSortOrderAscCodeAsc();

}
