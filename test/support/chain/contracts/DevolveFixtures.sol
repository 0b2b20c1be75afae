// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
// Imported so one compilation yields every artifact the tests deploy.
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {TransparentUpgradeableProxy} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";

/// A treasury-like contract whose only power sits with its Ownable owner.
contract OwnedVault is Ownable {
    uint256 public limit;

    constructor(address initialOwner) Ownable(initialOwner) {}

    function setLimit(uint256 newLimit) external onlyOwner {
        limit = newLimit;
    }
}

/// The owners-and-threshold view of a Safe (`getOwners`, `getThreshold`, same ABI), deployed
/// instead of Safe's own contracts so the tests need no Safe artifacts.
contract MiniMultisig {
    address[] private owners;
    uint256 private threshold;

    constructor(address[] memory initialOwners, uint256 initialThreshold) {
        require(initialThreshold > 0 && initialThreshold <= initialOwners.length, "threshold");
        owners = initialOwners;
        threshold = initialThreshold;
    }

    function getOwners() external view returns (address[] memory) {
        return owners;
    }

    function getThreshold() external view returns (uint256) {
        return threshold;
    }
}
