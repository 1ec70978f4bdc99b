import { PhoneOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button } from "antd";
import { errorMessage } from "../../../../app/ApiError";
import { getEnterpriseContactPhone } from "../../../../masterData/enterprises";

/**
 * 拨打: reads the firm's full number (an audited call, made only on this tap) and hands it to the phone
 * with a tel: link. The number is never shown in the list.
 */
export function CallButton({ enterpriseId, contactName }: { enterpriseId: string; contactName: string }) {
  const { message } = App.useApp();
  const call = useMutation({
    mutationFn: () => getEnterpriseContactPhone(enterpriseId),
    onSuccess: (phone) => {
      window.location.href = `tel:${phone.replace(/[^\d+]/g, "")}`;
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Button icon={<PhoneOutlined />} loading={call.isPending} onClick={() => call.mutate()} aria-label={`拨打${contactName}`}>
      拨打{contactName}
    </Button>
  );
}
