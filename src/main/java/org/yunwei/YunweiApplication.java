package org.yunwei;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class YunweiApplication {

	public static void main(String[] args) {
		SpringApplication.run(YunweiApplication.class, args);
	}

}
