package org.yunwei.platform.search.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The index's single thread: changes are applied one after another, in the order their
 * transactions committed.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class SearchConfiguration {

	@Bean(SearchIndexer.EXECUTOR)
	ThreadPoolTaskExecutor searchIndexExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("search-index-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
