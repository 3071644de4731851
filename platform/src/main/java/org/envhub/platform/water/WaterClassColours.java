package org.envhub.platform.water;

import org.envhub.standards.water.WaterClass;

/**
 * The colours of the classes on maps and in tables. The 2011 evaluation method, as commonly quoted, gives each
 * quality label a colour: 优 (I–II) blue, 良好 (III) green, 轻度污染 (IV) yellow, 中度污染 (V) orange, 重度污染 (劣Ⅴ)
 * red. Classes I and II share blue there; envhub draws I in a lighter blue so that the map tells them apart.
 * Not read in the text (the rulebook gives no colours), hence here and not in the standards library.
 */
public final class WaterClassColours {

    private WaterClassColours() {}

    public static String of(WaterClass c) {
        if (c == null) {
            return "#5a6b80";
        }
        return switch (c) {
            case I -> "#33CCFF";
            case II -> "#1E7FE0";
            case III -> "#00B050";
            case IV -> "#FFFF00";
            case V -> "#FF9900";
            case WORSE_THAN_V -> "#FF0000";
        };
    }
}
