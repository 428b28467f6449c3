package org.yunwei.document.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentRepository extends JpaRepository<ControlledDocument, Long> {

	Optional<ControlledDocument> findByNumber(String number);

	Optional<ControlledDocument> findByReviewItemId(long reviewItemId);

}
