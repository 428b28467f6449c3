package org.yunwei.document.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import org.yunwei.document.DocumentState;
import org.yunwei.document.DocumentType;

public interface DocumentRepository extends JpaRepository<ControlledDocument, Long> {

	Optional<ControlledDocument> findByNumber(String number);

	Optional<ControlledDocument> findByReviewItemId(long reviewItemId);

	List<ControlledDocument> findByTypeAndStateOrderByNumber(DocumentType type, DocumentState state);

}
