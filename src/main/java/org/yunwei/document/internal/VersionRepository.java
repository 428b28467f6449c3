package org.yunwei.document.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import org.yunwei.document.VersionState;

public interface VersionRepository extends JpaRepository<DocumentVersion, Long> {

	List<DocumentVersion> findByDocumentIdOrderByIdDesc(long documentId);

	Optional<DocumentVersion> findByDocumentIdAndLabel(long documentId, String label);

	Optional<DocumentVersion> findByApprovalItemId(long approvalItemId);

	List<DocumentVersion> findByDocumentIdAndStateIn(long documentId, Collection<VersionState> states);

	List<DocumentVersion> findByStateAndEffectiveOnLessThanEqual(VersionState state, LocalDate day);

}
