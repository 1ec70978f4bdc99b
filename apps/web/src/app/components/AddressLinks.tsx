import { EnvironmentOutlined } from "@ant-design/icons";
import { Flex, Typography } from "antd";

/** The address as a map search wants it: city, county and the street, so a street name alone is not matched in another province. */
export const fullAddress = (parts: { cityName?: string; countyName?: string; address: string }) =>
  `${parts.cityName ?? ""}${parts.countyName ?? ""}${parts.address}`.replace(/\s+/g, "");

/** 高德 opens its app on a phone that has it (callnative), the web map otherwise; the county's code narrows the search. */
export const amapUrl = (address: string, countyCode?: string) =>
  `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}${countyCode ? `&city=${countyCode}` : ""}&callnative=1&src=jiangxin`;
export const baiduMapUrl = (address: string) => `https://api.map.baidu.com/geocoder?address=${encodeURIComponent(address)}&output=html&src=webapp.jiangxin`;

/**
 * An address with links that open it in 高德地图 or 百度地图 (new tab / the map app), for an expert
 * on its way to a firm. No coordinates are stored, so the maps search the address text.
 */
export function AddressLinks({ address, cityName, countyName, countyCode }: { address: string | null; cityName?: string; countyName?: string; countyCode?: string }) {
  if (!address) return <Typography.Text type="secondary">未登记详细地址</Typography.Text>;
  const full = fullAddress({ cityName, countyName, address });
  return (
    <Flex vertical gap={2}>
      <Typography.Text copyable={{ text: full }}>{address}</Typography.Text>
      <Flex gap={12} wrap>
        <Typography.Link href={amapUrl(full, countyCode)} target="_blank" rel="noopener noreferrer">
          <EnvironmentOutlined /> 高德地图
        </Typography.Link>
        <Typography.Link href={baiduMapUrl(full)} target="_blank" rel="noopener noreferrer">
          <EnvironmentOutlined /> 百度地图
        </Typography.Link>
      </Flex>
    </Flex>
  );
}
