package contacts

import "testing"

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		name, number, region string
		want                 string
		ok                   bool
	}{
		{"international with spaces", "+1 650 555 0100", "US", "+16505550100", true},
		{"national US", "(650) 555-0100", "US", "+16505550100", true},
		{"dots", "650.253.0000", "US", "+16502530000", true},
		{"lower-case region", "650-253-0000", "us", "+16502530000", true},
		{"tel prefix", "tel: +1 (415) 555-2671", "US", "+14155552671", true},
		{"extension dropped", "+1 415 555 2671 ext. 12", "US", "+14155552671", true},
		{"vanity letters", "+1 800 FLOWERS", "US", "+18003569377", true},
		{"UK international", "+44 20 7946 0958", "US", "+442079460958", true},
		{"UK national in GB", "020 7946 0958", "GB", "+442079460958", true},
		{"UK national read as US", "020 7946 0958", "US", "", false},
		{"Germany", "+49 30 123456", "DE", "+4930123456", true},
		{"Japan", "+81 3-1234-5678", "JP", "+81312345678", true},
		{"France national", "01 23 45 67 89", "FR", "+33123456789", true},
		{"international needs no region", "+33 1 23 45 67 89", "", "+33123456789", true},
		{"national without region", "650 555 0100", "", "", false},
		{"local number without area code", "555-0100", "US", "", false},
		{"too short", "12", "US", "", false},
		{"not a number", "call me", "US", "", false},
		{"empty", "", "US", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := NormalizePhone(tt.number, tt.region)
			if got != tt.want || ok != tt.ok {
				t.Errorf("NormalizePhone(%q, %q) = %q, %v; want %q, %v", tt.number, tt.region, got, ok, tt.want, tt.ok)
			}
		})
	}
}
