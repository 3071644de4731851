package org.envhub.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Registry files in CSV and Excel: columns by header, bad rows reported by line, the rest kept. */
class RegistryFileTest {

    @Test
    void csvInTheNationalLayoutPlusDistrictAndDates() {
        String csv = """
                监测点编码,监测点名称,城市,经度,纬度,对照点,区县,启用日期
                1001A,万寿西宫,北京,116.3621,39.8784,N,西城区,2013-01-01
                1045A,市政府,秦皇岛,-,-,N,,
                9999A,坏站,北京,东经116,39.9,N,,
                1002A,定陵(对照点),北京,116.2202,40.2915,Y,昌平区,2013/01/01
                """;
        RegistryFile.Result r = RegistryFile.read("stations.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.stations()).extracting(StationForm::code).containsExactly("1001A", "1045A", "1002A");
        StationForm wanshou = r.stations().getFirst();
        assertThat(wanshou.district()).isEqualTo("西城区");
        assertThat(wanshou.longitude()).isEqualTo(116.3621);
        assertThat(wanshou.activeFrom()).isEqualTo(LocalDate.of(2013, 1, 1));
        assertThat(r.stations().get(1).longitude()).isNull();
        assertThat(r.stations().get(2).control()).isTrue();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("stations.csv, line 4");
            assertThat(p.message()).contains("longitude").contains("东经116");
        });
    }

    @Test
    void excelWithEnglishHeaders() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            String[][] rows = {{"code", "name", "city", "district", "lon", "lat"}, {"T100A", "测试站", "测试市", "甲区", "116.5", "39.5"},
                    {"T101A", "", "测试市", "", "", ""}};
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    if (i > 0 && c >= 4 && !rows[i][c].isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[i][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[i][c]);
                    }
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        RegistryFile.Result r = RegistryFile.read("台账.xlsx", xlsx);
        assertThat(r.stations()).hasSize(2);
        assertThat(r.stations().getFirst().latitude()).isEqualTo(39.5);
        assertThat(r.stations().getFirst().district()).isEqualTo("甲区");
        // The second row has no name: the registry's own check refuses it when saved.
        assertThat(r.stations().get(1).problem()).contains("name");
    }

    @Test
    void aFileWithoutTheNeededColumnsSaysWhich() {
        RegistryFile.Result r = RegistryFile.read("x.csv", "编号,名字\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.stations()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("code"));
    }
}
