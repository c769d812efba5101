package contacts

import (
	"slices"
	"testing"
)

func TestNotScheduled(t *testing.T) {
	email := FollowUp{Kind: KindEmail, Due: Day{2026, 12, 9}}
	promise := FollowUp{Kind: KindEmail, Due: Day{2026, 12, 9}, Line: "send the  Deck"}
	tests := []struct {
		name                string
		proposed, scheduled []FollowUp
		want                []FollowUp
	}{
		{"nothing scheduled", []FollowUp{email}, nil, []FollowUp{email}},
		{"the same kind, open", []FollowUp{email}, []FollowUp{{Kind: KindEmail, Due: Day{2026, 11, 30}, State: StateOpen}}, nil},
		{"the same kind, done", []FollowUp{email}, []FollowUp{{Kind: KindEmail, State: StateDone}}, []FollowUp{email}},
		{"the same kind, cancelled", []FollowUp{email}, []FollowUp{{Kind: KindEmail, State: StateCancelled}}, []FollowUp{email}},
		{"another kind", []FollowUp{email}, []FollowUp{{Kind: KindCall, State: StateOpen}}, []FollowUp{email}},
		{"a new promise", []FollowUp{email, promise}, []FollowUp{{Kind: KindEmail, State: StateOpen}}, []FollowUp{promise}},
		{"the same promise, written otherwise", []FollowUp{promise}, []FollowUp{{Kind: KindEmail, Line: "Send the deck", State: StateOpen}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NotScheduled(tt.proposed, tt.scheduled); !slices.Equal(got, tt.want) {
				t.Errorf("NotScheduled = %+v, want %+v", got, tt.want)
			}
		})
	}
}
