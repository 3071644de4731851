package org.envhub.platform.auth;

import java.security.SecureRandom;

import org.envhub.platform.audit.AuditLog;
import org.envhub.platform.config.EnvhubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the {@code admin} account: its password is ENVHUB_ADMIN_PASSWORD, or generated and
 * printed once in the log. Later starts leave the account (and a changed password) alone.
 */
@Component
@Order(0)
public class AdminAccountInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final EnvhubProperties properties;
    private final AuditLog audit;

    public AdminAccountInitializer(UserRepository users, PasswordEncoder encoder, EnvhubProperties properties, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.findByUsername("admin").isPresent()) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generate(16);
        }
        users.create("admin", "系统管理员", encoder.encode(password), Role.ADMIN, null);
        audit.recordAs("system", "user.create", "admin", "first start");
        if (generated) {
            log.warn("Created user 'admin' with the generated password: {}  (shown only this once; set "
                    + "ENVHUB_ADMIN_PASSWORD before the first start to choose it)", password);
        } else {
            log.info("Created user 'admin' with the password from ENVHUB_ADMIN_PASSWORD");
        }
    }

    static String generate(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
