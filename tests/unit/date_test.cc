// IsDate and DateKey: dates compare as instants, offsets moved to UTC.
#include "base/date.h"

#include <gtest/gtest.h>

namespace precis {
namespace {

TEST(DateKey, OffsetsAreMovedToUtc) {
  EXPECT_EQ(DateKey("2004-01-04T23:00:00-05:00"), "2004-01-05T04:00:00");
  EXPECT_EQ(DateKey("2004-01-05T01:00:00+03:00"), "2004-01-04T22:00:00");
  EXPECT_EQ(DateKey("2004-01-05T04:00:00Z"), "2004-01-05T04:00:00");
  EXPECT_EQ(DateKey("2004-01-05 04:00+0000"), "2004-01-05T04:00:00");
  EXPECT_EQ(DateKey("2004-01-05T05:30+01"), "2004-01-05T04:30:00");
  EXPECT_EQ(DateKey("2004-03-01T01:00:00.250+02:00"), "2004-02-29T23:00:00.250");  // leap day
  EXPECT_EQ(DateKey("1999-12-31T23:30:00-01:00"), "2000-01-01T00:30:00");
  // Found by review: compared as text, the later instant sorted first.
  EXPECT_LT(DateKey("2004-01-05T01:00:00+03:00"), DateKey("2004-01-04T23:00:00-05:00"));
}

TEST(DateKey, TimesWithoutAZoneStayAsWritten) {
  EXPECT_EQ(DateKey("2004-01-05"), "2004-01-05");
  EXPECT_EQ(DateKey("2004-01-05T09:30:00"), "2004-01-05T09:30:00");  // zone unknown
  EXPECT_EQ(DateKey("2004-01-05T09:30:00 EST"), "2004-01-05T09:30:00");
  EXPECT_EQ(DateKey("2004-01-05T09:30:00,5"), "2004-01-05T09:30:00.5");
  // Found by review: the space kept by a zone-less time sorted 23:00 before
  // 01:00 UTC of the same day.
  EXPECT_EQ(DateKey("2024-05-01 23:00"), DateKey("2024-05-01T23:00:00"));
  EXPECT_GT(DateKey("2024-05-01 23:00"), DateKey("2024-05-01T01:00:00Z"));
  // A date alone sorts before the times of its day.
  EXPECT_LT(DateKey("2004-01-05"), DateKey("2004-01-05T00:00:00Z"));
}

// Found by review: hours, minutes and offsets out of range moved a document
// by hours or days; "t" and "z" (RFC 3339 allows them) were not read.
TEST(DateKey, OnlyTimesOnTheClockCount) {
  EXPECT_EQ(DateKey("2024-05-01T25:99Z"), "2024-05-01");  // its day only
  EXPECT_EQ(DateKey("2024-05-01T9:30Z"), "2024-05-01");
  EXPECT_EQ(DateKey("2024-05-01 yesterday"), "2024-05-01");
  EXPECT_EQ(DateKey("2024-05-01T10:00+99:99"), "2024-05-01T10:00:00");  // zone unknown
  EXPECT_EQ(DateKey("2024-05-01T10:00+19"), "2024-05-01T10:00:00");
  EXPECT_EQ(DateKey("2024-05-01T10:00+18"), "2024-04-30T16:00:00");
  EXPECT_EQ(DateKey("2024-05-01t10:00:00z"), "2024-05-01T10:00:00");
  EXPECT_EQ(DateKey("2016-12-31T23:59:60Z"), "2016-12-31T23:59:59");  // a leap second
  // Past year 9999 the key keeps its shape, in local time.
  EXPECT_EQ(DateKey("9999-12-31T23:30-01:00"), "9999-12-31T23:30:00");
  EXPECT_GT(DateKey("9999-12-31T23:30-01:00"), DateKey("2000-01-01"));
  EXPECT_EQ(DateKey("0000-01-01T00:30+01:00"), "0000-01-01T00:30:00");
}

TEST(DateKey, NotDatesAreReturnedAsTheyAre) {
  EXPECT_EQ(DateKey("2004-02-30T09:30:00Z"), "2004-02-30T09:30:00Z");  // no such day
  EXPECT_EQ(DateKey("2004-01-05garbage"), "2004-01-05garbage");
  EXPECT_EQ(DateKey(""), "");
  EXPECT_EQ(DateKey("yesterday"), "yesterday");
}

TEST(IsDate, CalendarDaysOpeningTheString) {
  EXPECT_TRUE(IsDate("2024-02-29"));
  EXPECT_FALSE(IsDate("2023-02-29"));
  EXPECT_FALSE(IsDate("2024-13-01"));
  EXPECT_FALSE(IsDate("2024-04-31"));
  EXPECT_FALSE(IsDate("2024-5-01"));
  EXPECT_FALSE(IsDate("2024-05-01garbage"));
  EXPECT_TRUE(IsDate("2024-05-01T10:00Z"));
  EXPECT_TRUE(IsDate("2024-05-01t10:00z"));
  EXPECT_TRUE(IsDate("2024-05-01 anything"));
  EXPECT_FALSE(IsDate(""));
  EXPECT_FALSE(IsDate("2024-05-0"));
}

}  // namespace
}  // namespace precis
