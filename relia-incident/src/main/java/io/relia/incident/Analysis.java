package io.relia.incident;

import java.util.List;

/**
 * What humans learned about an incident, the parts of the postmortem Relia never invents: root causes, trigger,
 * resolution, how it was detected, the impact in the business's words, lessons and five whys. Empty text means
 * "not written yet".
 */
public record Analysis(String rootCause, String trigger, String resolution, String detection, String impact,
                       String wentWell, String wentWrong, String gotLucky, List<String> fiveWhys) {

    public static final Analysis EMPTY = new Analysis("", "", "", "", "", "", "", "", List.of());

    public Analysis {
        rootCause = clean(rootCause);
        trigger = clean(trigger);
        resolution = clean(resolution);
        detection = clean(detection);
        impact = clean(impact);
        wentWell = clean(wentWell);
        wentWrong = clean(wentWrong);
        gotLucky = clean(gotLucky);
        fiveWhys = fiveWhys == null ? List.of()
                : fiveWhys.stream().map(why -> why.replace('\n', ' ').strip()).filter(why -> !why.isEmpty()).toList();
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    public Analysis withRootCause(String text) {
        return new Analysis(text, trigger, resolution, detection, impact, wentWell, wentWrong, gotLucky, fiveWhys);
    }

    public Analysis withTrigger(String text) {
        return new Analysis(rootCause, text, resolution, detection, impact, wentWell, wentWrong, gotLucky, fiveWhys);
    }

    public Analysis withResolution(String text) {
        return new Analysis(rootCause, trigger, text, detection, impact, wentWell, wentWrong, gotLucky, fiveWhys);
    }

    public Analysis withDetection(String text) {
        return new Analysis(rootCause, trigger, resolution, text, impact, wentWell, wentWrong, gotLucky, fiveWhys);
    }

    public Analysis withImpact(String text) {
        return new Analysis(rootCause, trigger, resolution, detection, text, wentWell, wentWrong, gotLucky, fiveWhys);
    }

    public Analysis withLessons(String well, String wrong, String lucky) {
        return new Analysis(rootCause, trigger, resolution, detection, impact, well, wrong, lucky, fiveWhys);
    }

    public Analysis withFiveWhys(List<String> whys) {
        return new Analysis(rootCause, trigger, resolution, detection, impact, wentWell, wentWrong, gotLucky, whys);
    }
}
