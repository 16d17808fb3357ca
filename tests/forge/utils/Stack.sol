// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {vm, artifact} from "./Vm.sol";
import {DataTypes} from "../../../contracts/core/DataTypes.sol";
import {BaseToken} from "../../../contracts/BaseToken.sol";
import {TestUSDC} from "../../../contracts/test/TestUSDC.sol";
import {ChainlinkAggregatorMock} from "../../../contracts/test/ChainlinkAggregatorMock.sol";
import {IClearingHouse} from "../../../interfaces/IClearingHouse.sol";
import {IPriceOracle} from "../../../interfaces/IPriceOracle.sol";
import {IPool} from "./IPool.sol";
import {ETH_2022_06, ETH_2024_08} from "./PricePaths.sol";

/// @notice The full stack as `vperp.chain.deploy` builds it (config/deploy.yaml's parameters),
///         owned by the contract that inherits this one. Two markets whose Chainlink index walks
///         real ETH/USD hourly prices (PricePaths.sol); no Pyth feed (Chainlink alone is a valid
///         oracle configuration). The liquidator's share is 30% (not the 50% default), so that a
///         swapped penalty split shows.
abstract contract Stack {
    uint256 internal constant ONE = 1e18;
    uint24 internal constant MAX_PRICE_MOVE_RATIO = 25_000; // 2.5% per block
    uint256 internal constant SCALE = 1e12; // USDC (6) -> ledger (18)
    uint256 internal constant MARKETS = 2;
    uint24 internal constant LIQUIDATOR_SHARE = 300_000;
    uint24 internal constant PENALTY_RATIO = 25_000; // liquidationPenaltyRatio of every market
    uint256 internal constant FUND_SEED = 50_000e6;
    uint256 internal constant POOL_SEED = 1_000_000e6;

    TestUSDC public usdc;
    IPriceOracle public oracle;
    IClearingHouse public ch;
    address public fund;
    IPool public pool;
    address[MARKETS] public bases;
    ChainlinkAggregatorMock[MARKETS] public feeds;
    uint256[MARKETS] public pathPos; // hour index on each market's price path

    function _deployStack() internal {
        usdc = new TestUSDC();
        // the protocol's contracts come from their build artifacts (vm.deployCode), not from
        // imports: a change to a test does not recompile the core, nor a core mutant the tests
        oracle = IPriceOracle(vm.deployCode(artifact("PriceOracle"), abi.encode(address(0), address(this))));
        bytes memory byOracle = abi.encode(address(oracle));
        address[6] memory logic = [
            vm.deployCode(artifact("LiquidationLogic"), byOracle),
            vm.deployCode(artifact("FundingLogic"), byOracle),
            vm.deployCode(artifact("ConfigLogic"), byOracle),
            vm.deployCode(artifact("ViewLogic"), byOracle),
            vm.deployCode(artifact("OrderLogic"), byOracle),
            vm.deployCode(artifact("NettingLogic"), byOracle)
        ];
        ch = IClearingHouse(
            vm.deployCode(artifact("ClearingHouse"), abi.encode(address(usdc), address(oracle), logic, address(this)))
        );
        fund = vm.deployCode(artifact("InsuranceFund"), abi.encode(address(ch), address(this)));
        pool = IPool(vm.deployCode(artifact("LiquidityPool"), abi.encode(address(usdc), address(ch), address(this))));
        ch.setSystemAccounts(fund, address(pool));
        ch.setGlobalParams(10e18, 500e18, LIQUIDATOR_SHARE);
        pool.setParams(5_000_000, 10_000);

        for (uint256 i; i < MARKETS; ++i) {
            uint256 price = _pathPrice(i, 0);
            feeds[i] = new ChainlinkAggregatorMock(8, int256(price / 1e10));
            bases[i] = address(new BaseToken(i == 0 ? "Virtual Ether 2022" : "Virtual Ether 2024", "vETH"));
            oracle.setFeed(
                bases[i],
                IPriceOracle.Feed({
                    chainlink: address(feeds[i]),
                    chainlinkDecimals: 0,
                    chainlinkMaxAge: 3900,
                    pythMaxAge: 60,
                    maxDeviation: 20_000,
                    pythId: bytes32(0),
                    minPrice: 1e18,
                    maxPrice: 1_000_000e18,
                    maxConfidence: 10_000
                })
            );
            uint256 quoteReserve = 30_000_000e18;
            ch.addMarket(bases[i], quoteReserve * ONE / price, quoteReserve, _params());
        }
        usdc.mint(address(this), FUND_SEED + POOL_SEED);
        usdc.approve(address(ch), type(uint256).max);
        usdc.approve(address(pool), type(uint256).max);
        ch.depositFor(fund, FUND_SEED);
        pool.deposit(POOL_SEED, address(this));
    }

    function _params() internal pure returns (DataTypes.MarketParams memory) {
        return DataTypes.MarketParams({
            imRatio: 100_000,
            mmRatio: 62_500,
            feeRatio: 1_000,
            insuranceFeeShare: 200_000,
            liquidationPenaltyRatio: PENALTY_RATIO,
            maxPriceMoveRatio: MAX_PRICE_MOVE_RATIO,
            maxSpreadRatio: 100_000,
            fundingInterval: 3600,
            maxLongOpenInterest: 5_000e18,
            maxShortOpenInterest: 5_000e18
        });
    }

    // ------------------------------------------------------------------ real price paths

    function _path(uint256 market) private pure returns (bytes memory) {
        return market == 0 ? ETH_2022_06 : ETH_2024_08;
    }

    function _pathLength(uint256 market) internal pure returns (uint256) {
        return _path(market).length / 4;
    }

    /// @dev Price at hour `i` of a market's path, 18 decimals.
    function _pathPrice(uint256 market, uint256 i) internal pure returns (uint256) {
        bytes memory p = _path(market);
        uint256 cents;
        for (uint256 k; k < 4; ++k) {
            cents = (cents << 8) | uint8(p[i * 4 + k]);
        }
        return cents * 1e16;
    }

    /// @dev Publishes a Chainlink round at `price` (18 decimals, cut to the feed's 8).
    function _publish(uint256 market, uint256 price) internal {
        feeds[market].updateAnswer(int256(price / 1e10));
    }

    function _indexPrice(uint256 market) internal view returns (uint256 price) {
        (price,) = oracle.getIndexPrice(bases[market]);
    }
}
