package dev.refer.core.link;

import dev.refer.core.basics.validation.Invalid;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubIdsTest {

    private static final SubIdSettings SUBS = new SubIdSettings(List.of("sub1", "sub2", "sub3"));

    @Test
    void of_recordsTheFirstValueOfEachNamedParameter_inTheProgramsOrder() {
        assertEquals(Map.of("sub1", "spring", "sub3", "mail"),
                SubIds.of(SUBS, VisitQuery.parse("sub3=mail&gclid=x&sub1=spring&sub1=later&other=1")));
        assertEquals(List.of("sub1", "sub3"), List.copyOf(
                SubIds.of(SUBS, VisitQuery.parse("sub3=mail&sub1=spring")).keySet()));
    }

    @Test
    void of_whenNoneNamedOrNoneSentOrEmpty_recordsNothing() {
        assertTrue(SubIds.of(SubIdSettings.NONE, VisitQuery.parse("sub1=a")).isEmpty());
        assertTrue(SubIds.of(SUBS, VisitQuery.parse("gclid=a")).isEmpty());
        assertTrue(SubIds.of(SUBS, VisitQuery.parse("sub1=&sub2=%20%20&sub3")).isEmpty());
        assertTrue(SubIds.of(SUBS, VisitQuery.NONE).isEmpty());
    }

    @Test
    void bounded_cutsLongValuesBetweenCharacters_andEscapesWhatIsNotPrintableAscii() {
        assertEquals("a".repeat(SubIds.MAX_VALUE_LENGTH), SubIds.bounded("a".repeat(500)));
        assertEquals("M%C3%BCnchen", SubIds.bounded("München"));
        assertEquals("a%0D%0Ab", SubIds.bounded("a\r\nb"));
        assertEquals("100%25", SubIds.bounded("100%"), "a literal % is escaped: the text reads one way only");
        // an escape is never cut in half: 21 emoji of 12 characters each do not fit 64, 5 do
        String cut = SubIds.bounded("😀".repeat(21));
        assertEquals("%F0%9F%98%80".repeat(5), cut);
        assertNull(SubIds.bounded(" "));
    }

    @Test
    void settings_acceptUpToFiveSafeNames() {
        assertEquals(List.of("sub1", "sub2", "sub3", "sub4", "sub5"),
                new SubIdSettings(List.of("sub1", "sub2", "sub3", "sub4", "sub5")).parameters());
        assertEquals(List.of(), new SubIdSettings(List.of()).parameters());
        assertEquals(List.of("campaign_id", "ad-group"), new SubIdSettings(List.of("campaign_id", "ad-group"))
                .parameters());
    }

    @Test
    void settings_refuseWhatCannotBeASubIdName_namingTheField() {
        assertField("parameters", () -> new SubIdSettings(null));
        assertField("parameters", () -> new SubIdSettings(List.of("a", "b", "c", "d", "e", "f")));
        assertField("parameters[1]", () -> new SubIdSettings(List.of("sub1", "RID")));
        assertField("parameters[0]", () -> new SubIdSettings(List.of("ref")));
        assertField("parameters[0]", () -> new SubIdSettings(List.of("utm_source")));
        assertField("parameters[1]", () -> new SubIdSettings(List.of("sub1", "sub1")));
        assertField("parameters[0]", () -> new SubIdSettings(List.of("")));
        assertField("parameters[0]", () -> new SubIdSettings(List.of("x".repeat(33))));
        assertField("parameters[0]", () -> new SubIdSettings(List.of("a b")));
        assertField("parameters[0]", () -> new SubIdSettings(List.of("<script>")));
        assertField("parameters[0]", () -> new SubIdSettings(List.of("sub\n1")));
        assertField("parameters[0]", () -> new SubIdSettings(Arrays.asList((String) null)));
    }

    @Test
    void couldCarryOne_isFalseOnlyForVisitsWithNothingButUtmTagsRefAndRid() {
        assertFalse(SubIdSettings.couldCarryOne(VisitQuery.NONE));
        assertFalse(SubIdSettings.couldCarryOne(VisitQuery.parse("utm_source=x&UTM_medium=y&ref=a&rid=b")));
        assertTrue(SubIdSettings.couldCarryOne(VisitQuery.parse("utm_source=x&sub1=y")));
    }

    private static void assertField(String field, Runnable action) {
        Invalid invalid = assertThrows(Invalid.class, action::run);
        assertEquals(field, invalid.violations().get(0).field());
    }
}
