// DateKey: dates compare as instants, offsets moved to UTC.
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

TEST(DateKey, OtherFormsAreKeptAsWritten) {
  EXPECT_EQ(DateKey("2004-01-05"), "2004-01-05");
  EXPECT_EQ(DateKey("2004-01-05T09:30:00"), "2004-01-05T09:30:00");  // zone unknown
  EXPECT_EQ(DateKey("2004-01-05T09:30:00 EST"), "2004-01-05T09:30:00 EST");
  EXPECT_EQ(DateKey("2004-02-30T09:30:00Z"), "2004-02-30T09:30:00Z");  // no such day
  EXPECT_EQ(DateKey("2004-01-05T9:30Z"), "2004-01-05T9:30Z");
  EXPECT_EQ(DateKey(""), "");
  EXPECT_EQ(DateKey("yesterday"), "yesterday");
  // A date alone sorts before the times of its day.
  EXPECT_LT(DateKey("2004-01-05"), DateKey("2004-01-05T00:00:00Z"));
}

}  // namespace
}  // namespace precis
