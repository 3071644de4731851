package org.envhub.platform.sources.registry;

/**
 * An enterprise (企业) as entered on the registry page, by the API or a row of an import file. The district is
 * given by id or by name (区县).
 *
 * @param creditCode the unified social credit code (统一社会信用代码, GB 32100: 18 characters, the last a check)
 */
public record EnterpriseForm(String name, String creditCode, Long districtId, String district, String industry, String address,
                             Double longitude, Double latitude, String contactPerson, String contactPhone) {
}
