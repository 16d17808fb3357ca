// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title DataTypes
/// @notice Every struct of the core, declared once. Storage structs note their packing: a field
///         read or written on every trade shares its slot with the fields written with it.
library DataTypes {
    /// @notice What a trader may let an operator do for it (IOperatorApproval), one bit each:
    ///         open, increase, reduce or flip (openPositionFor); close (closePositionFor); add
    ///         collateral from the trader's own wallet (depositFrom); withdraw free collateral to
    ///         the trader's own address (withdrawFor). An operator never receives the funds.
    uint256 internal constant ACTION_OPEN = 1;
    uint256 internal constant ACTION_CLOSE = 2;
    uint256 internal constant ACTION_ADD_COLLATERAL = 4;
    uint256 internal constant ACTION_REMOVE_COLLATERAL = 8;
    uint256 internal constant ACTIONS_ALL = 15;

    /// @notice Trade parameters (Perp v2 vocabulary).
    /// @param baseToken market
    /// @param isBaseToQuote true: sell base (short / reduce a long); false: buy base (long)
    /// @param isExactInput true: `amount` is what goes into the curve; false: what comes out
    /// @param amount base (base->quote exact input, quote->base exact output) or quote otherwise
    /// @param oppositeAmountBound min out for exact input, max in for exact output; 0: no bound
    /// @param deadline last valid timestamp
    struct OpenPositionParams {
        address baseToken;
        bool isBaseToQuote;
        bool isExactInput;
        uint256 amount;
        uint256 oppositeAmountBound;
        uint256 deadline;
    }

    /// @notice Per-market risk and fee parameters; ratios are 1e6-based (1e6 = 100%).
    struct MarketParams {
        uint24 imRatio;
        uint24 mmRatio;
        uint24 feeRatio;
        uint24 insuranceFeeShare;
        uint24 liquidationPenaltyRatio;
        uint24 maxPriceMoveRatio;
        uint24 maxSpreadRatio;
        uint32 fundingInterval;
        uint128 maxLongOpenInterest;
        uint128 maxShortOpenInterest;
    }

    /// @notice A position: two slots, the first written by every trade, the second only when
    ///         the market's funding index moved since the position's last settlement.
    struct Position {
        int128 size; // signed base, + long
        int128 openNotional; // signed cost basis: + for a long (quote paid), - for a short
        int128 lastFundingIndex; // cumulative funding index at the last settlement
    }

    /// @notice A market's configuration: one slot, read by every trade.
    struct Market {
        uint8 id; // index in the market list, bit in the account bitmaps
        bool listed;
        bool paused; // opening and increasing paused (guardian)
        uint24 imRatio;
        uint24 mmRatio;
        uint24 feeRatio;
        uint24 insuranceFeeShare; // of the fee, to the insurance fund; the rest to the pool
        uint24 liquidationPenaltyRatio;
        uint24 maxPriceMoveRatio; // fluctuation limit against the block-start mark
        uint24 maxSpreadRatio; // band of the mark around the index
        uint32 fundingInterval;
        uint32 mmRaisedAt; // last time the maintenance ratio was raised
    }

    /// @notice A market's virtual curve (x*y=k): two slots, both written by every swap.
    struct Curve {
        uint128 baseReserve; // x
        uint128 quoteReserve; // y; mark = y / x
        uint128 referenceBase; // base reserve at which the traders' net position is zero
        uint96 blockStartPrice; // mark at the first swap of the current block
        uint32 blockNumber; // block of blockStartPrice
    }

    /// @notice Long and short open interest (base units): one slot, written by every trade.
    struct OpenInterest {
        uint128 long;
        uint128 short;
    }

    /// @notice Per-side open-interest caps (base units): one slot, read by increases.
    struct OpenInterestCap {
        uint128 long;
        uint128 short;
    }

    /// @notice A market's funding: one slot, read by every trade, written by epoch updates.
    struct FundingState {
        int128 cumulativeIndex; // quote per unit of base, 18 decimals
        int64 rate; // rate applied at the last update, 18 decimals, for the elapsed span
        uint64 lastTime; // of the last update
    }

    /// @notice TWAP accumulators at the last funding update (one slot: 128 bits hold 1e25 x 1e13 s).
    struct FundingAnchor {
        uint128 markCumulative;
        uint128 indexCumulative;
    }

    /// @notice A trader's collateral, shares of the collateral index or debt, and the low part of
    ///         its market set: one slot, written by every trade (the fee), so that opening or
    ///         closing a position in a market of id below 29 writes no other account slot.
    ///         Ranges: one deposit of Ledger.MAX_AMOUNT_USDC is below 2^100 (18 decimals), so
    ///         2^120 shares hold it even at MIN_COLLATERAL_INDEX (x 1e6), and 2^104 of debt is
    ///         2e13 USD; Ledger's checked casts refuse more (SafeCast's error).
    struct Balance {
        uint120 shares; // of the collateral index
        uint104 debt; // negative collateral, 18 decimals, outside the index
        uint32 markets; // AccountBalance: bit i = market i (i < 29) | SYSTEM_ACCOUNT | HAS_RESERVE | HIGH_MARKETS
    }

    /// @notice Account-wide figures.
    struct AccountState {
        int256 accountValue; // at valuation prices (index, else the mark TWAP)
        uint256 initialRequirement;
        uint256 maintenanceRequirement;
        int256 anchoredValue; // at the anchor prices (Chainlink when fresh): the solvency guards
        uint256 largestNotional; // of the account's largest position
        address largestMarket; // its market (a keeper liquidates it first)
    }

    /// @notice What valuing a position reads of its market, read at most once per call.
    struct MarketCache {
        address token; // address(0) until the market's figures below are loaded
        uint256 imRatio;
        uint256 mmRatio;
        int256 fundingIndex; // cumulative funding index
        uint256 price; // valuation price, 0 until read (a caller may set both prices first)
        uint256 anchor; // anchor price (the solvency guards)
    }

    /// @notice Each market's figures by market id, read at most once per call (an entry is a
    ///         null pointer until first used: Margin.market allocates it).
    struct PriceCache {
        MarketCache[] markets;
    }

    /// @notice One fill booked on an account.
    struct TradeParams {
        address trader;
        address baseToken;
        bool isBaseToQuote;
        bool isExactInput;
        uint256 amount;
        uint256 oppositeAmountBound;
        bool isLiquidation;
    }

    /// @notice What a trade did.
    struct TradeResult {
        uint256 base;
        uint256 quote;
        int256 oldSize;
        int256 newSize;
        int256 realizedPnl;
        uint256 fee;
        uint256 markPrice; // after the swap
        int256 collateral; // the trader's balance after settlement
        uint256 oldMarkPrice; // before the swap
    }

    /// @notice A queued netting order (PROTOCOL.md section 5, "Netting engine"): two slots.
    struct Order {
        address trader;
        uint32 deadline; // last valid timestamp
        uint64 reserve; // worst-case margin and fees reserved, in 1e12 units (USDC's 6 decimals), rounded up
        int120 size; // signed base, + long (reduce-only: clipped to the position at execution)
        uint120 acceptablePrice; // worst fill price: max for a long, min for a short
        bool reduceOnly;
        uint8 status; // 0 none, 1 queued (active), 2 resting this batch, 3+ cancelled (3 + reason)
    }

    /// @notice A market's order queue and its batch cursor: one slot.
    struct OrderQueue {
        uint64 head; // first order id of the next batch
        uint64 tail; // next order id
        uint64 cursor; // next order the running batch processes
        uint40 windowStart; // the batch window opened then (first order after the last batch)
        uint8 phase; // 0 idle, 1 collect, 2 check, 3 fill
    }

    /// @notice A trader's queued orders in one market (the self-trade and reduce-only rules).
    struct OrderCount {
        uint32 longs;
        uint32 shorts;
        uint32 reduceOnly;
    }

    /// @notice A running batch: its uniform price p0, the totals of the pass under way and the
    ///         parameters of the pass before it (the prices its orders are checked against).
    struct Batch {
        uint128 p0; // the block-start mark of the batch's first block
        uint64 end; // one past its last order id
        uint32 fills;
        uint32 passes;
        uint128 longTotal; // this pass: active long base
        uint128 shortTotal; // this pass: active short base
        uint128 minLongAccept; // this pass: lowest acceptable price among active longs
        uint128 maxShortAccept; // this pass: highest acceptable price among active shorts
        uint128 fillSum; // this pass: the larger side's fills at fillTarget / bigTotal
        uint128 bigTotal; // last pass: the larger side's total
        uint128 fillTarget; // last pass: what the larger side may fill (net flow within the caps)
        uint128 longPrice; // last pass: the long side's price
        uint128 shortPrice; // last pass: the short side's price
        uint128 swapBase; // the remainder swap, once done
        uint128 swapQuote;
        uint128 markAfter; // the mark after the swap
        bool bigIsLong; // last pass
        bool sized; // fillTarget and bigTotal are the last pass's (fillSum is valid)
        bool dropped; // this pass dropped an order
    }
}
