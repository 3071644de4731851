package org.envhub.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application behind {@code envhub serve}; {@link EnvhubCommand} is the jar's main class. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnvhubApplication {
}
