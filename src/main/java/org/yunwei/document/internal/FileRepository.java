package org.yunwei.document.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FileRepository extends JpaRepository<DocumentFile, Long> {

	List<DocumentFile> findByVersionIdInOrderByIdAsc(Collection<Long> versionIds);

}
