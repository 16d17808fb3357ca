// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IClearingHouse} from "../../interfaces/IClearingHouse.sol";
import {IClearingHouseErrors} from "../../interfaces/IClearingHouseErrors.sol";
import {DataTypes} from "../core/DataTypes.sol";

/// @dev A market's BaseToken, for its symbol.
interface ISymbol {
    /// @notice The market's symbol (e.g. vETH).
    function symbol() external view returns (string memory);
}

/// @title PositionNFT
/// @notice A soulbound ERC-721 mirror of every open position (PROTOCOL.md section 3). Token
///         `trader << 8 | market id` exists exactly while `trader` holds a position in that
///         market: the core emits PositionMinted when a position opens and PositionBurned when it
///         closes or is fully liquidated (IClearingHouseEvents), and this contract reads owner,
///         balance and state from the core's views, so it has no storage of its own and cannot
///         drift from the positions. No token ever moves: every transfer and approval reverts
///         with its own error (so no Transfer event is ever emitted here; indexers follow the
///         core's PositionMinted / PositionBurned). `tokenURI` is JSON with an SVG image, built
///         on-chain from live state: market, side, size, entry price, the account's margin
///         ratio and the position's liquidation price.
contract PositionNFT is IERC721Metadata {
    using Strings for uint256;

    error ZeroAddress();
    /// @notice No position stands behind `tokenId` (never opened, closed, or not a valid id).
    error NonexistentToken(uint256 tokenId);
    error TransferDisabled(uint256 tokenId);
    error ApprovalDisabled(uint256 tokenId);
    error ApprovalForAllDisabled(address operator);

    uint256 internal constant ONE = 1e18;
    uint256 internal constant RATIO_ONE = 1e6;

    /// @notice The core, whose positions this contract mirrors.
    IClearingHouse public immutable clearingHouse;

    /// @param clearingHouse_ the core
    constructor(IClearingHouse clearingHouse_) {
        if (address(clearingHouse_) == address(0)) revert ZeroAddress();
        clearingHouse = clearingHouse_;
    }

    // ================================================================== ids

    /// @notice The token id of `trader`'s position in `baseToken` (whether or not it is open).
    function tokenIdOf(address trader, address baseToken) external view returns (uint256) {
        DataTypes.Market memory m = clearingHouse.getMarket(baseToken);
        if (!m.listed) revert IClearingHouseErrors.UnknownMarket(baseToken);
        return uint256(uint160(trader)) << 8 | m.id;
    }

    /// @notice The trader and market behind `tokenId`, and the position's size (0: not open).
    function positionOf(uint256 tokenId) public view returns (address trader, address baseToken, int256 size) {
        uint256 id = tokenId & 0xff;
        if (tokenId >> 168 != 0) revert NonexistentToken(tokenId);
        address[] memory markets = clearingHouse.getMarkets();
        if (id >= markets.length) revert NonexistentToken(tokenId);
        trader = address(uint160(tokenId >> 8));
        baseToken = markets[id];
        size = clearingHouse.getPosition(trader, baseToken).size;
    }

    // ================================================================== ERC-721 (reads)

    /// @notice The number of open positions of `owner`.
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ZeroAddress();
        return clearingHouse.getAccountMarkets(owner).length;
    }

    /// @notice The trader holding the position `tokenId`; reverts when it is not open.
    function ownerOf(uint256 tokenId) public view returns (address trader) {
        int256 size;
        (trader,, size) = positionOf(tokenId);
        if (size == 0) revert NonexistentToken(tokenId);
    }

    /// @notice Always zero: nobody can be approved for a soulbound token (reverts when it is not open).
    function getApproved(uint256 tokenId) external view returns (address) {
        ownerOf(tokenId);
        return address(0);
    }

    /// @notice Always false: nobody can be approved for a soulbound token.
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @notice ERC-165: ERC-721 and its metadata extension.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC165).interfaceId || interfaceId == type(IERC721).interfaceId
            || interfaceId == type(IERC721Metadata).interfaceId;
    }

    /// @notice The collection's name.
    function name() external pure returns (string memory) {
        return "vPerp Position";
    }

    /// @notice The collection's symbol.
    function symbol() external pure returns (string memory) {
        return "vPERP-POS";
    }

    // ================================================================== ERC-721 (soulbound)

    /// @notice Reverts: positions cannot be transferred.
    function transferFrom(address, address, uint256 tokenId) external pure {
        revert TransferDisabled(tokenId);
    }

    /// @notice Reverts: positions cannot be transferred.
    function safeTransferFrom(address, address, uint256 tokenId) external pure {
        revert TransferDisabled(tokenId);
    }

    /// @notice Reverts: positions cannot be transferred.
    function safeTransferFrom(address, address, uint256 tokenId, bytes calldata) external pure {
        revert TransferDisabled(tokenId);
    }

    /// @notice Reverts: nobody can be approved for a position.
    function approve(address, uint256 tokenId) external pure {
        revert ApprovalDisabled(tokenId);
    }

    /// @notice Reverts: nobody can be approved for positions.
    function setApprovalForAll(address operator, bool) external pure {
        revert ApprovalForAllDisabled(operator);
    }

    // ================================================================== metadata

    /// @notice The position's figures as `tokenURI` shows them, from the core's live views (18
    ///         decimals): entry price = |open notional| / |size| rounded down; margin ratio =
    ///         account value / the account's total notional at valuation prices (1e6 = 100%,
    ///         truncated towards zero); liquidation price = the valuation price of this market
    ///         at which account value = maintenance requirement, every other price fixed:
    ///         P0 + (maintenance - account value) * 1e24 / (size * 1e6 - |size| * mm ratio),
    ///         truncated towards zero, 0 when not positive.
    function positionFigures(uint256 tokenId)
        public
        view
        returns (
            address trader,
            address baseToken,
            int256 size,
            uint256 entryPrice,
            int256 marginRatio,
            uint256 liquidationPrice
        )
    {
        (trader, baseToken, size) = positionOf(tokenId);
        if (size == 0) revert NonexistentToken(tokenId);
        IClearingHouse ch = clearingHouse;
        uint256 absSize = _abs(size);
        entryPrice = _abs(ch.getPosition(trader, baseToken).openNotional) * ONE / absSize;
        (int256 value,, uint256 maintenance,) = ch.getAccountState(trader);
        address[] memory held = ch.getAccountMarkets(trader);
        uint256 notional;
        for (uint256 i; i < held.length; ++i) {
            // at most MAX_MARKETS_PER_ACCOUNT markets
            (uint256 p,) = ch.getValuationPrice(held[i]);
            notional += _abs(ch.getPosition(trader, held[i]).size) * p / ONE;
        }
        marginRatio = notional == 0 ? int256(0) : value * int256(RATIO_ONE) / int256(notional);
        (uint256 p0,) = ch.getValuationPrice(baseToken);
        int256 denominator = size * int256(RATIO_ONE) - int256(absSize * ch.getMarket(baseToken).mmRatio);
        int256 p = int256(p0) + (int256(maintenance) - value) * 1e24 / denominator;
        liquidationPrice = p > 0 ? uint256(p) : 0;
    }

    /// @notice On-chain metadata: a data URI of JSON whose image is an SVG, both from live state.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        (, address baseToken, int256 size, uint256 entry, int256 ratio, uint256 liq) = positionFigures(tokenId);
        string memory market = _safe(ISymbol(baseToken).symbol());
        string memory side = size > 0 ? "long" : "short";
        string[5] memory v = [
            _decimal(_abs(size), 18),
            _decimal(entry, 18),
            string.concat(ratio < 0 ? "-" : "", _decimal(_abs(ratio), 6)),
            liq == 0 ? "none" : _decimal(liq, 18),
            tokenId.toString()
        ];
        string memory svg = _svg(market, side, v);
        string memory json = string.concat(
            '{"name":"', market, " ", side, " #", v[4],
            '","description":"A soulbound mirror of an open vPerp position; figures read live from the core (18-decimal prices in USD).",',
            '"attributes":[{"trait_type":"market","value":"', market,
            '"},{"trait_type":"side","value":"', side,
            '"},{"trait_type":"size","value":"', v[0],
            '"},{"trait_type":"entry price","value":"', v[1],
            '"},{"trait_type":"margin ratio","value":"', v[2],
            '"},{"trait_type":"liquidation price","value":"', v[3],
            '"}],"image":"data:image/svg+xml;base64,', Base64.encode(bytes(svg)), '"}'
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
    }

    // ================================================================== internals

    function _svg(string memory market, string memory side, string[5] memory v) internal pure returns (string memory) {
        return string.concat(
            '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="220" font-family="monospace" font-size="14">',
            '<rect width="360" height="220" fill="#10141c"/><g fill="#e6e6e6">',
            '<text x="16" y="32" font-size="20">', market, " ", side, "</text>",
            '<text x="16" y="70">size ', v[0], "</text>",
            '<text x="16" y="100">entry ', v[1], "</text>",
            '<text x="16" y="130">margin ratio ', v[2], "</text>",
            '<text x="16" y="160">liquidation ', v[3], "</text>",
            '<text x="16" y="200" font-size="10">#', v[4], "</text></g></svg>"
        );
    }

    /// @dev `x` with `decimals` decimals as a decimal string, trailing zeros of the fraction dropped.
    function _decimal(uint256 x, uint256 decimals) internal pure returns (string memory) {
        uint256 unit = 10 ** decimals;
        uint256 frac = x % unit;
        if (frac == 0) return (x / unit).toString();
        uint256 digits = decimals;
        while (frac % 10 == 0) {
            frac /= 10;
            --digits;
        }
        bytes memory f = bytes(frac.toString());
        bytes memory padded = new bytes(digits);
        uint256 pad = digits - f.length;
        for (uint256 i; i < digits; ++i) {
            padded[i] = i < pad ? bytes1("0") : f[i - pad];
        }
        return string.concat((x / unit).toString(), ".", string(padded));
    }

    /// @dev A market symbol made safe for JSON and SVG: anything but letters, digits, '.', '-' and '_' becomes '_'.
    function _safe(string memory s) internal pure returns (string memory) {
        bytes memory b = bytes(s);
        for (uint256 i; i < b.length; ++i) {
            bytes1 c = b[i];
            bool ok = (c >= "0" && c <= "9") || (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c == "."
                || c == "-" || c == "_";
            if (!ok) b[i] = "_";
        }
        return string(b);
    }

    function _abs(int256 x) internal pure returns (uint256) {
        return x >= 0 ? uint256(x) : uint256(-x);
    }
}
