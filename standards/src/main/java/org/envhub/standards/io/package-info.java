/**
 * Readers for the files bureaus and the national platform publish: the CNEMC daily station files
 * ({@link org.envhub.standards.io.CnemcHourlyReader}), the national station list
 * ({@link org.envhub.standards.io.StationListReader}), saved real-time station-hours with their
 * official AQI and primary pollutant ({@link org.envhub.standards.io.PublishedHourReader}), and the
 * long {@code time,station,pollutant,value} layout ({@link org.envhub.standards.io.LongCsvReader}).
 *
 * <p>All of them open {@code .gz} files transparently ({@link org.envhub.standards.io.InputFiles}),
 * never stop on bad data, and report each problem with its file and line in a
 * {@link org.envhub.standards.io.ReadReport}, keeping the good data around it.
 */
package org.envhub.standards.io;
